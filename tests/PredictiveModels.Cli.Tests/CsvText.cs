using System.Text;

namespace PredictiveModels.Cli.Tests;

/// <summary>
/// A strict RFC 4180 reader for checking the CLI's CSV: quoted fields may hold commas, quotes and line breaks. Like the
/// readers docs/cli.md recommends (pandas' <c>comment='#'</c>), it skips a line that starts with <c>#</c> at the start
/// of a record: the provenance comment the CSV opens with.
/// </summary>
public static class CsvText
{
    public static IReadOnlyList<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '#' && field.Length == 0 && row.Count == 0)
            {
                while (i + 1 < text.Length && text[i + 1] is not ('\r' or '\n'))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i + 1] == '\r')
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException("The CSV ends inside a quoted field.");
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
