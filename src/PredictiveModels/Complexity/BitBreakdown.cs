using System.Collections.Immutable;

namespace PredictiveModels.Complexity;

/// <summary>
/// Where the bits of a description length go: a tree whose leaves carry bits and whose inner
/// nodes carry exactly the sum of their children (computed here, in child order, so the total
/// is the sum of its parts to the last bit of the floating-point value).
/// </summary>
public sealed class BitBreakdown
{
    private BitBreakdown(string label, double bits, ImmutableArray<BitBreakdown> children)
    {
        Label = label;
        Bits = bits;
        Children = children;
    }

    /// <summary>What this part of the description is, e.g. <c>select 'restrict' (Stream)</c>.</summary>
    public string Label { get; }

    /// <summary>
    /// The bits of this part; for an inner node, the sum of its children's bits. Finite; at least 0, except in a tree
    /// that holds a <see cref="ClassCount"/> leaf (the counting measure), where a class of many members weighs less than
    /// nothing and its leaf, and the sums above it, may be negative.
    /// </summary>
    public double Bits { get; }

    /// <summary>The parts of this part; empty for a leaf.</summary>
    public ImmutableArray<BitBreakdown> Children { get; }

    /// <summary>Creates a leaf.</summary>
    /// <param name="label">What the bits pay for.</param>
    /// <param name="bits">Bits, finite and at least 0.</param>
    public static BitBreakdown Leaf(string label, double bits)
    {
        if (!double.IsFinite(bits) || bits < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Bits must be finite and at least 0.");
        }

        return new BitBreakdown(label, bits, []);
    }

    /// <summary>
    /// Creates a leaf that weighs a class by counting its members under <see cref="Scenarios.ClassMeasure.Counting"/>:
    /// <c>-log2</c> of a mass that may exceed 1, so the bits may be negative.
    /// </summary>
    /// <param name="label">What the bits pay for.</param>
    /// <param name="bits">Bits, finite (negative when the class's count exceeds 1).</param>
    public static BitBreakdown ClassCount(string label, double bits)
    {
        if (!double.IsFinite(bits))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Bits must be finite.");
        }

        return new BitBreakdown(label, bits, []);
    }

    /// <summary>Creates an inner node whose bits are the sum of its children's, in order.</summary>
    /// <param name="label">What the children together pay for.</param>
    /// <param name="children">The parts; at least one.</param>
    public static BitBreakdown Node(string label, IEnumerable<BitBreakdown> children)
    {
        var parts = children.ToImmutableArray();
        if (parts.IsEmpty)
        {
            throw new ArgumentException("An inner node needs at least one child.", nameof(children));
        }

        return new BitBreakdown(label, SumOf(parts), parts);
    }

    /// <summary>Every node of the tree, this one first, depth first.</summary>
    public IEnumerable<BitBreakdown> Descendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.Descendants())
            {
                yield return node;
            }
        }
    }

    /// <summary>The sum of the children's bits, in child order: the value <see cref="Bits"/> holds for an inner node.</summary>
    public static double SumOf(IEnumerable<BitBreakdown> parts)
    {
        var total = 0.0;
        foreach (var part in parts)
        {
            total += part.Bits;
        }

        return total;
    }
}
