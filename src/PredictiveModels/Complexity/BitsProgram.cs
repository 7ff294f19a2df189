namespace PredictiveModels.Complexity;

/// <summary>
/// The sum a <see cref="BitBreakdown"/> computes, compiled to a postfix program over a vector of terms (selection
/// bits, intrinsic bits, hole costs), so that it can be recomputed when the terms change without building the tree
/// again. Every inner node adds its children in order starting from 0, exactly as <see cref="BitBreakdown.Node"/>
/// does, so the result is the same double as the breakdown's total. Immutable.
/// </summary>
internal sealed class BitsProgram
{
    private readonly Op[] _ops;
    private readonly double[] _constants;

    private BitsProgram(Op[] ops, double[] constants, int maxDepth)
    {
        _ops = ops;
        _constants = constants;
        MaxDepth = maxDepth;
    }

    /// <summary>The largest number of values the program holds at once: the stack it needs.</summary>
    public int MaxDepth { get; }

    /// <summary>Runs the program.</summary>
    /// <param name="terms">The term vector the program's leaves index.</param>
    /// <param name="stack">Scratch of at least <see cref="MaxDepth"/> values.</param>
    public double Evaluate(ReadOnlySpan<double> terms, Span<double> stack)
    {
        var top = 0;
        foreach (var op in _ops)
        {
            switch (op.Kind)
            {
                case OpKind.Term:
                    stack[top++] = terms[op.Argument];
                    break;
                case OpKind.Constant:
                    stack[top++] = _constants[op.Argument];
                    break;
                default:
                    var total = 0.0;
                    var first = top - op.Argument;
                    for (var i = first; i < top; i++)
                    {
                        total += stack[i];
                    }

                    top = first;
                    stack[top++] = total;
                    break;
            }
        }

        return stack[0];
    }

    private enum OpKind : byte
    {
        Term,
        Constant,
        Sum,
    }

    private readonly record struct Op(OpKind Kind, int Argument);

    /// <summary>Writes a program leaf by leaf and node by node, children before their node.</summary>
    internal sealed class Builder
    {
        private readonly List<Op> _ops = [];
        private readonly List<double> _constants = [];
        private int _depth;
        private int _maxDepth;

        /// <summary>A leaf whose bits are the term at <paramref name="index"/>.</summary>
        public void Term(int index)
        {
            _ops.Add(new Op(OpKind.Term, index));
            Push();
        }

        /// <summary>A leaf whose bits never change.</summary>
        public void Constant(double bits)
        {
            _ops.Add(new Op(OpKind.Constant, _constants.Count));
            _constants.Add(bits);
            Push();
        }

        /// <summary>An inner node: the sum, in order from 0, of the last <paramref name="children"/> values.</summary>
        public void Sum(int children)
        {
            if (children < 1 || children > _depth)
            {
                throw new InvalidOperationException($"A node needs 1 to {_depth} children here, not {children}.");
            }

            _ops.Add(new Op(OpKind.Sum, children));
            _depth -= children - 1;
        }

        /// <summary>The program; exactly one value must be left.</summary>
        public BitsProgram Build()
        {
            if (_depth != 1)
            {
                throw new InvalidOperationException($"A program must leave one value, not {_depth}.");
            }

            return new BitsProgram([.. _ops], [.. _constants], _maxDepth);
        }

        private void Push()
        {
            _depth++;
            _maxDepth = Math.Max(_maxDepth, _depth);
        }
    }
}
