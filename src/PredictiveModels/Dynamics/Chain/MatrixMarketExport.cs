using System.Globalization;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Writes the generator <c>Q</c> of a training chain in the Matrix Market exchange format
/// (<c>%%MatrixMarket matrix coordinate real general</c>), so that other tools (SciPy, Octave, Julia)
/// can check or time the chain's transient on exactly the same matrix.
/// <para>
/// Row <c>i</c> is the configuration moved from and column <c>j</c> the configuration moved to, both
/// 1-based: index <c>i</c> is <c>space[i - 1]</c>. An off-diagonal entry is the heat-bath rate
/// <see cref="ConfigurationSpace.Rate"/> of the move, per unit of training time, written for every
/// move of the chain even when the rate underflows to 0, so the sparsity pattern is the chain's
/// move graph; the diagonal entry is minus the total exit rate, so every row sums to 0 (up to
/// rounding). Entries come row by row, columns ascending. Numbers use the invariant culture and
/// the shortest form that reads back to the same double. A distribution is a row vector <c>p</c>
/// and evolves as <c>dp/dt = p Q</c>, so column-vector tools need the transpose.
/// </para>
/// <para>The library writes to a <see cref="TextWriter"/> only; opening files is the caller's business.</para>
/// </summary>
public static class MatrixMarketExport
{
    /// <summary>The first line of every file written: the Matrix Market banner for a sparse real matrix without symmetry.</summary>
    public const string Banner = "%%MatrixMarket matrix coordinate real general";

    /// <summary>Writes the generator of a chain: the banner, comment lines naming the scenario and every setting, the size line, then one line per entry.</summary>
    /// <param name="writer">Receives the text; it is not closed or flushed.</param>
    /// <param name="space">The chain.</param>
    /// <param name="scenarioName">The name of the scenario the chain was built from, shown in a comment (line breaks become spaces).</param>
    /// <param name="cancellation">Stops the export between rows (the writer then holds part of the file).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>
    /// The entries are written as they are computed, row by row, so the memory used is that of the chain and one row,
    /// whatever the size of the file (about 15 bytes per entry).
    /// </remarks>
    public static void Write(TextWriter writer, ConfigurationSpace space, string scenarioName, CancellationToken cancellation = default) =>
        Write(writer, space, scenarioName, null, cancellation);

    /// <summary>
    /// As <see cref="Write(TextWriter, ConfigurationSpace, string, CancellationToken)"/>, with a comment line after the
    /// scenario's that names the result's provenance: <c>% provenance: version=V, scenarioSha256=H</c> (and
    /// <c>, seed=S</c> when it has one; the fingerprint is left out when it has none).
    /// </summary>
    /// <param name="writer">Receives the text; it is not closed or flushed.</param>
    /// <param name="space">The chain.</param>
    /// <param name="scenarioName">The name of the scenario the chain was built from, shown in a comment (line breaks become spaces).</param>
    /// <param name="provenance">The version, scenario fingerprint and seed the file is to name; null writes no provenance line.</param>
    /// <param name="cancellation">Stops the export between rows (the writer then holds part of the file).</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="provenance"/> is null.</exception>
    public static void Write(TextWriter writer, ConfigurationSpace space, string scenarioName, Provenance? provenance, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(scenarioName);

        var row = new List<(int Column, double Rate)>();
        long moves = 0;
        long entries = 0;
        for (var i = 0; i < space.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            Collect(space, i, row);
            moves += row.Count;
            entries += row.Count + 1;
        }

        var settings = space.Settings;
        var analysis = space.Analysis;
        writer.Write(Banner + "\n");
        writer.Write("% Generator Q of a PredictiveModels training chain (MODEL.md section 6): dp/dt = p Q for a row vector p.\n");
        writer.Write($"% scenario: {OneLine(scenarioName)}\n");
        if (provenance is not null)
        {
            var seed = provenance.Seed is { } s ? Invariant($", seed={s}") : "";
            var sha = provenance.ScenarioSha256 is { } h ? ", scenarioSha256=" + h : "";
            writer.Write($"% provenance: version={OneLine(provenance.Version)}{sha}{seed}\n");
        }

        writer.Write("% rows: configuration moved from; columns: configuration moved to; index i (1-based) is configuration i-1 of the chain.\n");
        writer.Write("% off-diagonal: heat-bath rate per unit of training time (every move, even when the rate underflows to 0); diagonal: minus the exit rate.\n");
        writer.Write(Invariant($"% configurations: {space.Count}; moves: {moves}; start configuration: {space.Start + 1}\n"));
        writer.Write(Invariant($"% dynamics: worldSteps={settings.WorldSteps} goalResolution={Number(settings.GoalResolution)} temperature={Number(settings.Temperature)} worldGap={Number(settings.WorldGap)} goalGap={Number(settings.GoalGap)} horizonBits={Number(space.Accounting.HorizonBits)}{(settings.HorizonBits is null ? " (derived)" : "")} awarenessBits={Number(space.Accounting.AwarenessBits)}{(settings.AwarenessBits is null ? " (derived)" : "")} deceptiveOverheadBits={Number(space.Accounting.OverheadBits)} objectiveBits={Number(space.Accounting.ObjectiveBits)} horizonBonus={Number(settings.HorizonBonus)} awarenessBonus={Number(settings.AwarenessBonus)} objectiveUnderstoodAt={Number(settings.ObjectiveUnderstoodAt)}\n"));
        writer.Write("% world grid: fraction of the world model at each world step:" + string.Concat(space.World.Fractions.Select(x => " " + Number(x))) + "\n");
        writer.Write("% base rates:" + string.Concat(Enum.GetValues<MoveKind>().Where(k => k != MoveKind.Reset).Select(k => $" {k.ToString().ToLowerInvariant()}={Number(settings.Rate(k))}")) + "\n");
        if (space.Phase.OversightDetectionRate > 0)
        {
            writer.Write($"% oversight resets: long-term, aware configurations move to the same world step with no goal, myopic and unaware, at rate {Number(space.Phase.OversightDetectionRate)} (no reverse move)\n");
        }

        writer.Write($"% energy: a={Number(analysis.SimplicityExponent)} lambda={Number(analysis.SpeedWeight)} n={Number(analysis.DataSize)}\n");
        writer.Write(Invariant($"{space.Count} {space.Count} {entries}\n"));

        Span<char> line = stackalloc char[EntryLength];
        for (var i = 0; i < space.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            Collect(space, i, row);
            var exit = 0.0;
            foreach (var (_, rate) in row)
            {
                exit += rate;
            }

            var diagonalWritten = false;
            foreach (var (column, rate) in row)
            {
                if (!diagonalWritten && column > i)
                {
                    WriteEntry(writer, line, i, i, -exit);
                    diagonalWritten = true;
                }

                WriteEntry(writer, line, i, column, rate);
            }

            if (!diagonalWritten)
            {
                WriteEntry(writer, line, i, i, -exit);
            }
        }
    }

    /// <summary>The moves out of configuration <paramref name="from"/>, columns ascending; two kinds of move to the same configuration would add up.</summary>
    private static void Collect(ConfigurationSpace space, int from, List<(int Column, double Rate)> row)
    {
        row.Clear();
        space.ForEachNeighbour(from, (to, kind) => row.Add((to, space.Rate(from, to, kind))));
        row.Sort((x, y) => x.Column.CompareTo(y.Column));
        var kept = 0;
        for (var e = 0; e < row.Count; e++)
        {
            if (kept > 0 && row[kept - 1].Column == row[e].Column)
            {
                row[kept - 1] = (row[e].Column, row[kept - 1].Rate + row[e].Rate);
            }
            else
            {
                row[kept++] = row[e];
            }
        }

        row.RemoveRange(kept, row.Count - kept);
    }

    /// <summary>The longest entry line: two indices of at most 10 digits, a double of at most 24 characters in "R" form, two spaces and a line break.</summary>
    private const int EntryLength = 64;

    /// <summary>Writes <c>row column value</c> (1-based indices) and a line break, formatted in place so that no string is made per entry.</summary>
    private static void WriteEntry(TextWriter writer, Span<char> line, int row, int column, double value)
    {
        var culture = CultureInfo.InvariantCulture;
        var length = 0;
        _ = (row + 1).TryFormat(line, out var written, default, culture);
        length += written;
        line[length++] = ' ';
        _ = (column + 1).TryFormat(line[length..], out written, default, culture);
        length += written;
        line[length++] = ' ';
        if (!(value + 0.0).TryFormat(line[length..], out written, "R", culture))
        {
            throw new InvalidOperationException("A matrix entry did not fit its line buffer.");
        }

        length += written;
        line[length++] = '\n';
        writer.Write(line[..length]);
    }

    /// <summary>The shortest invariant text that reads back to the same double; 0 for negative zero.</summary>
    private static string Number(double value) => (value + 0.0).ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
}
