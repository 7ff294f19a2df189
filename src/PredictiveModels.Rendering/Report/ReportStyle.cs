namespace PredictiveModels.Rendering.Report;

/// <summary>
/// The report's style sheet, written inline: system fonts only (nothing to fetch), tables that stay readable when
/// printed, and charts that shrink to the page. It holds no <c>&lt;</c> or <c>&amp;</c>, so it is valid inside the
/// page read as XML too.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """

        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1b1b; background: #ffffff; margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 1100px; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin: 0 0 0.3rem; }
        h2 { font-size: 1.35rem; border-bottom: 2px solid #332288; padding-bottom: 0.2rem; margin-top: 2.2rem; }
        h3 { font-size: 1.1rem; margin-top: 1.6rem; }
        h4 { font-size: 1rem; margin: 1.2rem 0 0.4rem; font-weight: 600; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
        p.source, p.note { color: #555555; }
        p.note { font-size: 0.92rem; }
        nav ol { columns: 2; padding-left: 1.4rem; margin: 0.6rem 0 0; }
        a { color: #1f4e9c; }
        table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
        th, td { border: 1px solid #d0d0d0; padding: 0.25rem 0.55rem; text-align: left; vertical-align: top; }
        thead th { background: #eef0f6; }
        tbody tr:nth-child(even) td { background: #fafafa; }
        tr.baseline th, tr.baseline td { font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.headline td.num { font-size: 1.25rem; font-weight: 600; }
        span.error { color: #666666; font-size: 0.88em; }
        span.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em; border-radius: 2px; vertical-align: baseline; }
        ul.breakdown, ul.breakdown ul { list-style: none; padding-left: 1.3rem; margin: 0.1rem 0; }
        ul.breakdown { padding-left: 0; font-size: 0.9rem; }
        ul.breakdown span.bits { display: inline-block; min-width: 6.5em; text-align: right; font-variant-numeric: tabular-nums; color: #332288; }
        section.candidate { border-top: 1px solid #e4e4e4; margin-top: 1rem; }
        figure.chart { margin: 1rem 0; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        figcaption { color: #555555; font-size: 0.9rem; margin-top: 0.3rem; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.3rem 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; overflow-wrap: anywhere; }
        @media print { body { max-width: none; padding: 0; } figure.chart, table { break-inside: avoid; } }

        """;
}
