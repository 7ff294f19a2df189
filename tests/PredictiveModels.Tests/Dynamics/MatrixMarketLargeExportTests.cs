using System.Globalization;
using System.Text;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// <see cref="MatrixMarketExport"/> at the size issue 14 asks for: a chain of more than 10^7 configurations exports
/// and reads back as the chain's generator. The text (about 2.9 GB) is parsed as it is written, never held.
/// </summary>
public sealed class MatrixMarketLargeExportTests
{
    [Fact]
    [Trait("Category", "Slow")] // about two minutes: 7.9 x 10^7 moves written, parsed and checked
    public void A_chain_of_fifteen_million_configurations_reads_back_entry_for_entry_as_its_generator()
    {
        var scenario = Scenario.Default;
        var settings = scenario.Dynamics.With(goalResolution: 0.1);
        var space = ConfigurationSpace.Build(scenario, settings, Phase.Create("pre-training", 100));
        space.Count.Should().BeGreaterThan(10_000_000);
        var generator = space.BuildGenerator();

        using var reader = new CheckingWriter(space, generator);
        MatrixMarketExport.Write(reader, space, "default, 0.1 bits per goal step");
        reader.Finish();

        reader.Size.Should().Be((space.Count, space.Count, (long)generator.NonZeros + space.Count));
        reader.Entries.Should().Be((long)generator.NonZeros + space.Count, "every move and every diagonal entry was read back");
    }

    /// <summary>
    /// Reads the coordinate format line by line as it is written and checks every entry against the generator: an
    /// off-diagonal entry <c>i j v</c> is the rate of the move <c>i -> j</c> to the bit, a diagonal one minus the exit
    /// rate (summed in another order, so to rounding); rows come in order, each with its diagonal.
    /// </summary>
    private sealed class CheckingWriter(ConfigurationSpace space, Generator generator) : TextWriter
    {
        private readonly StringBuilder _line = new();
        private bool _inHeader = true;
        private int _row = -1;
        private bool _sawDiagonal;

        public override Encoding Encoding => Encoding.UTF8;

        public (int Rows, int Columns, long Entries) Size { get; private set; }

        public long Entries { get; private set; }

        public override void Write(char value)
        {
            if (value == '\n')
            {
                Line(_line.ToString());
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            foreach (var c in buffer)
            {
                Write(c);
            }
        }

        public override void Write(string? value) => Write(value.AsSpan());

        public void Finish()
        {
            _line.Length.Should().Be(0, "the file ends with a line break");
            EndRow();
            _row.Should().Be(space.Count - 1, "every row was written");
        }

        private void Line(string line)
        {
            if (_inHeader)
            {
                if (line.StartsWith('%'))
                {
                    return;
                }

                var size = line.Split(' ');
                Size = (int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture), long.Parse(size[2], CultureInfo.InvariantCulture));
                _inHeader = false;
                return;
            }

            var parts = line.Split(' ');
            var i = int.Parse(parts[0], CultureInfo.InvariantCulture) - 1;
            var j = int.Parse(parts[1], CultureInfo.InvariantCulture) - 1;
            var value = double.Parse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture);
            if (i != _row)
            {
                EndRow();
                if (i != _row + 1)
                {
                    throw new Xunit.Sdk.XunitException($"Row {i} follows row {_row}: rows must come in order, none missing.");
                }

                _row = i;
                _sawDiagonal = false;
            }

            Entries++;
            if (i == j)
            {
                _sawDiagonal = true;
                if (Math.Abs(value + generator.Exit[i]) > 1e-12 * Math.Max(1, generator.Exit[i]))
                {
                    throw new Xunit.Sdk.XunitException($"Diagonal {i}: read {value}, the generator's exit rate is {generator.Exit[i]}.");
                }

                return;
            }

            // The move i -> j is an inflow of row j in the generator.
            var rate = 0.0;
            var found = false;
            for (var e = generator.RowStart[j]; e < generator.RowStart[j + 1]; e++)
            {
                if (generator.Sources[e] == i)
                {
                    rate += generator.Rates[e];
                    found = true;
                }
            }

            if (!found || rate != value)
            {
                throw new Xunit.Sdk.XunitException($"Entry {i} -> {j}: read {value}, the generator has {(found ? rate : "no such move")} ({space[i]} -> {space[j]}).");
            }
        }

        private void EndRow()
        {
            if (_row >= 0 && !_sawDiagonal)
            {
                throw new Xunit.Sdk.XunitException($"Row {_row} has no diagonal entry.");
            }
        }
    }
}
