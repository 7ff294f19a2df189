using System.Runtime.InteropServices;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The outgoing moves of every configuration in compressed sparse rows, laid out for Gillespie's
/// direct method: per configuration, the mean holding time (the inverse of the exit rate) and a
/// row of moves with their targets, kinds and cumulative jump probabilities (cumulative rates
/// divided by the exit rate, the last exactly 1). Moves whose rate underflows to 0 are left out;
/// a configuration with none is absorbing. Immutable once built, so threads share it.
/// </summary>
internal sealed class MoveTable
{
    /// <summary>A row marker: the configuration is situationally aware.</summary>
    public const byte AwareMark = 1;

    /// <summary>A row marker: the configuration has a long-term horizon.</summary>
    public const byte LongTermMark = 2;

    /// <summary>A row marker: the configuration is on the deceptive branch.</summary>
    public const byte DeceptiveMark = 4;

    /// <summary>The class code of a configuration with no goal yet.</summary>
    public const byte Undecided = byte.MaxValue;

    /// <summary>Rows at most this long are searched linearly; longer ones by bisection.</summary>
    public const int LinearSearchLimit = 8;

    private MoveTable(Row[] rows, Move[] moves, byte[] marks, byte[] classes, double maxExitRate)
    {
        Rows = rows;
        Moves = moves;
        Marks = marks;
        Classes = classes;
        MaxExitRate = maxExitRate;
    }

    /// <summary>One row per configuration, by index.</summary>
    public Row[] Rows { get; }

    /// <summary>Every move, row after row.</summary>
    public Move[] Moves { get; }

    /// <summary>Per configuration, an or of <see cref="AwareMark"/>, <see cref="LongTermMark"/> and <see cref="DeceptiveMark"/>.</summary>
    public byte[] Marks { get; }

    /// <summary>Per configuration, its <see cref="OutcomeClass"/> as a byte, or <see cref="Undecided"/>.</summary>
    public byte[] Classes { get; }

    /// <summary>The largest exit rate of any configuration, per unit of training time.</summary>
    public double MaxExitRate { get; }

    /// <summary>Reads every move of the chain and its heat-bath rate.</summary>
    public static MoveTable Build(ConfigurationSpace space)
    {
        var n = space.Count;
        var rows = new Row[n];
        var moves = new List<Move>(n * 8);
        var marks = new byte[n];
        var classes = new byte[n];
        var rates = new List<(int Target, MoveKind Kind, double Rate)>();
        var maxExit = 0.0;
        for (var i = 0; i < n; i++)
        {
            var c = space[i];
            var deceptive = c.Branch == space.DeceptiveBranch;
            marks[i] = (byte)((c.Aware ? AwareMark : 0) | (c.LongTerm ? LongTermMark : 0) | (deceptive ? DeceptiveMark : 0));
            classes[i] = space.Branches[c.Branch].Class is { } k ? (byte)k : Undecided;

            rates.Clear();
            var from = i;
            space.ForEachNeighbour(i, (to, kind) =>
            {
                var rate = space.Rate(from, to, kind);
                if (rate > 0)
                {
                    rates.Add((to, kind, rate));
                }
            });

            var exit = 0.0;
            foreach (var (_, _, rate) in rates)
            {
                exit += rate;
            }

            var first = moves.Count;
            var cumulative = 0.0;
            for (var m = 0; m < rates.Count; m++)
            {
                cumulative += rates[m].Rate;
                var probability = m == rates.Count - 1 ? 1.0 : Math.Min(1.0, cumulative / exit);
                moves.Add(new Move(probability, rates[m].Target, rates[m].Kind));
            }

            rows[i] = new Row(first, rates.Count, rates.Count == 0 ? double.PositiveInfinity : 1 / exit);
            maxExit = Math.Max(maxExit, exit);
        }

        return new MoveTable(rows, [.. moves], marks, classes, maxExit);
    }

    /// <summary>A configuration's row: where its moves start, how many there are, and its mean holding time.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly struct Row(int first, int count, double meanHoldingTime)
    {
        /// <summary>Index in <see cref="Moves"/> of the row's first move.</summary>
        public readonly int First = first;

        /// <summary>Number of moves; 0 for an absorbing configuration.</summary>
        public readonly int Count = count;

        /// <summary>The inverse of the exit rate, in units of training time; infinite when absorbing.</summary>
        public readonly double MeanHoldingTime = meanHoldingTime;
    }

    /// <summary>One move: 16 bytes, so four share a cache line.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly struct Move(double cumulativeProbability, int target, MoveKind kind)
    {
        /// <summary>The probability that the jump is this move or one before it in the row; the row's last is 1.</summary>
        public readonly double CumulativeProbability = cumulativeProbability;

        /// <summary>The index of the configuration the move leads to.</summary>
        public readonly int Target = target;

        /// <summary>The kind of the move, as a byte.</summary>
        public readonly byte Kind = (byte)kind;
    }
}
