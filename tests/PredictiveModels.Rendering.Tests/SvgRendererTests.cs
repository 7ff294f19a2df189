namespace PredictiveModels.Rendering.Tests;

public sealed class SvgRendererTests
{
    [Fact]
    public void Clip_path_ids_from_skias_process_wide_counter_are_renamed_in_order_of_appearance()
    {
        const string svg = "<clipPath id=\"cl_4f\"/><g clip-path=\"url(#cl_4f)\"/><clipPath id=\"cl_50\"/><g clip-path=\"url(#cl_50)\"/>";

        SvgRenderer.Normalise(svg).Should().Be("<clipPath id=\"clip0\"/><g clip-path=\"url(#clip0)\"/><clipPath id=\"clip1\"/><g clip-path=\"url(#clip1)\"/>");
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(3, "1000")]
    [InlineData(4, "1e4")]
    [InlineData(-2, "0.01")]
    [InlineData(-3, "1e-3")]
    public void Powers_of_ten_are_labelled_plainly_near_one_and_in_e_notation_beyond(double exponent, string label)
    {
        SvgRenderer.PowerOfTen(exponent).Should().Be(label);
    }
}
