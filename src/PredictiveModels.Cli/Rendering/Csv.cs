using System.Globalization;
using CsvHelper;

namespace PredictiveModels.Cli.Rendering;

/// <summary>Writes RFC 4180 CSV with a header row; numbers in invariant, round-trip form.</summary>
internal static class Csv
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var writer = new StringWriter();
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell switch
                    {
                        null => "",
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => cell.ToString(),
                    });
                }

                csv.NextRecord();
            }
        }

        return writer.ToString();
    }
}
