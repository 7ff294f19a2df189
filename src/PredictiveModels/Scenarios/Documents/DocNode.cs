using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios.Documents;

/// <summary>
/// A format-neutral document tree with source locations: what the YAML and JSON front ends
/// produce and the scenario reader consumes, so both formats share one schema and one set of
/// messages.
/// </summary>
internal abstract record DocNode(SourceLocation Location)
{
    /// <summary>What the node is, for messages: "a mapping", "a list", "a number", ...</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar. <see cref="ContentStart"/> is where its text begins (after an opening quote).</summary>
internal sealed record DocScalar(string Value, bool IsQuoted, bool IsNull, SourceLocation Location, SourceLocation ContentStart)
    : DocNode(Location)
{
    public override string Kind => IsNull ? "null" : IsQuoted ? "a string" : "a scalar";
}

/// <summary>A mapping whose entries keep their order and the key locations.</summary>
internal sealed record DocMapping(IReadOnlyList<KeyValuePair<DocScalar, DocNode>> Entries, SourceLocation Location)
    : DocNode(Location)
{
    public override string Kind => "a mapping";
}

/// <summary>A sequence.</summary>
internal sealed record DocSequence(IReadOnlyList<DocNode> Items, SourceLocation Location)
    : DocNode(Location)
{
    public override string Kind => "a list";
}
