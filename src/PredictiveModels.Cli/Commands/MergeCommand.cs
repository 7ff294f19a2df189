using System.CommandLine;
using System.Globalization;
using PredictiveModels.Analysis;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>merge SHARD...</c>: joins the shard documents of a sharded <c>uncertainty</c> run into the run's document.</summary>
internal static class MergeCommand
{
    public static Command Build(CliContext context)
    {
        var shards = new Argument<string[]>("shards")
        {
            Description = "The shard documents of one run (uncertainty --shard I/K), all K of them, in any order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "merge",
            """
            Joins the shards of a sharded uncertainty run into exactly what the unsharded run writes (the same bytes
            for the same format, provenance included): every shard must come from the same scenario (the same
            fingerprint), version, beliefs, seed, sample count and settings, and shards 1 to K must all be there once.
              predictive-models uncertainty s.yaml --samples 4096 --shard 1/2 -o part-1.json
              predictive-models uncertainty s.yaml --samples 4096 --shard 2/2 -o part-2.json
              predictive-models merge part-*.json -o whole.json
            """)
        {
            shards,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var files = parse.GetValue(shards) ?? [];
            var read = files.Select(ShardFile.Read).OrderBy(s => s.Index).ToList();
            var first = read[0];
            foreach (var s in read.Skip(1))
            {
                if (!s.SameRunAs(first))
                {
                    throw new ModelException($"{s.Path} is not a shard of the same run as {first.Path}: {s.DifferenceFrom(first)}");
                }
            }

            for (var k = 1; k < read.Count; k++)
            {
                if (read[k].Index == read[k - 1].Index)
                {
                    throw new ModelException($"{read[k - 1].Path} and {read[k].Path} are both shard {read[k].Index} of {first.Count}");
                }
            }

            var missing = Enumerable.Range(1, first.Count).Except(read.Select(s => s.Index)).ToList();
            if (missing.Count > 0)
            {
                throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"shard{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} of {first.Count} {(missing.Count == 1 ? "is" : "are")} missing; merge needs every shard of the run"));
            }

            var whole = PropagationEvaluations.Concatenate([.. read.Select(s => s.Evaluations)]);
            var result = BeliefPropagation.Summarise(first.Parameters, first.Settings, whole);
            // The shards agree on their provenance (checked above), and the merged output carries it as the unsharded run would.
            var text = UncertaintyCommand.Render(first.Scenario, first.Provenance, result, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(format), first.Provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }
}
