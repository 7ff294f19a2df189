using PredictiveModels.Rendering.Report;

namespace PredictiveModels.Rendering.Tests.Report;

public sealed class HtmlWriterTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<b>", "&lt;b&gt;")]
    [InlineData("say \"hi\"", "say \"hi\"")]
    [InlineData("x\u0000y\u001Fz", "x\uFFFDy\uFFFDz")]
    [InlineData("pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept")]
    [InlineData("a\r\nb\rc", "a\nb\nc")]
    public void Text_is_escaped_for_html_and_xml_alike(string text, string expected)
    {
        HtmlWriter.Escape(text, attribute: false).Should().Be(expected);
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        // Not theory data: a test runner's serialisation of the case would mangle the lone surrogate before the test saw it.
        HtmlWriter.Escape("lone \uD800 high, lone \uDC00 low", attribute: false).Should().Be("lone \uFFFD high, lone \uFFFD low");
    }

    [Fact]
    public void An_attribute_also_escapes_quotes_and_flattens_line_ends()
    {
        HtmlWriter.Escape("a \"b\"\nc", attribute: true).Should().Be("a &quot;b&quot; c");
    }

    [Fact]
    public void Closing_an_element_that_is_not_the_innermost_open_one_is_a_defect()
    {
        using var text = new StringWriter();
        var writer = new HtmlWriter(text).Open("p").Open("b");

        var act = () => writer.Close("p");

        act.Should().Throw<InvalidOperationException>();
    }
}
