namespace PredictiveModels.Cli;

/// <summary>The output formats every command offers.</summary>
public enum OutputFormat
{
    /// <summary>Aligned plain-text tables and trees, for reading in a terminal.</summary>
    Table,

    /// <summary>One JSON object with a <c>schemaVersion</c>; see docs/cli.md.</summary>
    Json,

    /// <summary>Comma-separated values with a header row (RFC 4180).</summary>
    Csv,

    /// <summary>GitHub-flavoured Markdown tables and lists.</summary>
    Markdown,
}
