namespace PredictiveModels.Rendering.Tests;

public sealed class InlineSvgTests
{
    private static readonly SvgChart Chart = new(
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"40\"><title>t</title><clipPath id=\"clip0\"><rect/></clipPath><g clip-path=\"url(#clip0)\"><use href=\"#clip0\"/></g></svg>",
        80,
        40,
        "t");

    [Fact]
    public void The_xml_declaration_goes_and_the_root_gets_a_view_box()
    {
        var svg = InlineSvg.Of(Chart, "fig");

        svg.Should().StartWith("<svg viewBox=\"0 0 80 40\"");
        svg.Should().NotContain("<?xml");
    }

    [Fact]
    public void Every_id_and_every_reference_to_one_gets_the_prefix()
    {
        var svg = InlineSvg.Of(Chart, "fig");

        svg.Should().Contain("id=\"fig-clip0\"").And.Contain("url(#fig-clip0)").And.Contain("href=\"#fig-clip0\"");
        svg.Should().NotContain("\"clip0\"").And.NotContain("(#clip0)");
    }

    [Fact]
    public void Text_that_is_not_svg_is_refused()
    {
        var act = () => InlineSvg.Of(Chart with { Svg = "<html/>" }, "fig");

        act.Should().Throw<ArgumentException>();
    }
}
