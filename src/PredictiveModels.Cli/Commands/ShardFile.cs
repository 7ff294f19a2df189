using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using PredictiveModels.Analysis;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Diagnostics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Cli.Commands;

/// <summary>
/// A shard document (<see cref="UncertaintyShardDocument"/>) read back for <c>merge</c>: every field checked, every
/// problem reported with the file, line and column. Immutable.
/// </summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Scenario">The scenario's name and source.</param>
/// <param name="Provenance">The version that computed the shard, the scenario's fingerprint and the seed: every shard of a run has the same.</param>
/// <param name="Parameters">The beliefs, parsed again from their notation.</param>
/// <param name="Settings">The whole run's settings.</param>
/// <param name="Index">The shard's index, 1 to <paramref name="Count"/>.</param>
/// <param name="Count">The run's number of shards.</param>
/// <param name="Evaluations">The shard's raw evaluations.</param>
internal sealed record ShardFile(
    string Path,
    ScenarioReference Scenario,
    Provenance Provenance,
    ImmutableArray<UncertainParameter> Parameters,
    PropagationSettings Settings,
    int Index,
    int Count,
    PropagationEvaluations Evaluations)
{
    /// <summary>The largest shard file merge reads, in bytes.</summary>
    public const long MaxBytes = 2L << 30;

    /// <summary>Whether two shards come from the same run (same scenario, version, fingerprint, beliefs and settings).</summary>
    public bool SameRunAs(ShardFile other) =>
        Scenario == other.Scenario
        && Provenance == other.Provenance
        && Settings == other.Settings
        && Count == other.Count
        && Parameters.Select(p => (p.Path, p.Notation)).SequenceEqual(other.Parameters.Select(p => (p.Path, p.Notation)));

    /// <summary>What differs between two shards' runs, for the message when they do not belong together.</summary>
    public string DifferenceFrom(ShardFile other) =>
        Scenario != other.Scenario ? $"scenario '{Scenario.Name}' ({Scenario.Source}) against '{other.Scenario.Name}' ({other.Scenario.Source})"
        : Provenance.Version != other.Provenance.Version ? $"it was computed by version {Provenance.Version}, the other by {other.Provenance.Version}"
        : Provenance.ScenarioSha256 != other.Provenance.ScenarioSha256 ? $"scenario fingerprint (SHA-256) {Provenance.ScenarioSha256} against {other.Provenance.ScenarioSha256}: the scenario file changed between the shards"
        : Settings.Seed != other.Settings.Seed ? $"seed {Settings.Seed} against {other.Settings.Seed}"
        : Settings.Samples != other.Settings.Samples ? $"{Settings.Samples} samples against {other.Settings.Samples}"
        : Count != other.Count ? $"{Count} shards against {other.Count}"
        : Settings != other.Settings ? "the sensitivity method, dynamics or bootstrap resamples"
        : "the beliefs";

    /// <summary>Reads and checks a shard file.</summary>
    /// <exception cref="ModelException">The file is missing, too large, not JSON, or not a shard of an uncertainty run.</exception>
    public static ShardFile Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ModelException(Directory.Exists(path) ? $"{path} is a folder, not a shard file" : $"{path}: no such shard file");
        }

        if (info.Length > MaxBytes)
        {
            throw new ModelException($"{path} is {info.Length:N0} bytes, more than the {MaxBytes:N0} a shard may have");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var location = new SourceLocation(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            throw new ModelException([new Diagnostic($"not valid JSON: {e.Message.Split(" Path:")[0]}", location)]);
        }

        using (document)
        {
            return new Reader(path).Shard(document.RootElement);
        }
    }

    /// <summary>Reads the fields, naming the field in each message (a parsed document no longer knows its lines).</summary>
    private sealed class Reader(string path)
    {
        public ShardFile Shard(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "the document");
            if (String(root, "command") != "uncertainty")
            {
                throw Error("command", "is not 'uncertainty': this is not the output of the uncertainty command");
            }

            if (Int(root, "schemaVersion") != Rendering.Json.SchemaVersion)
            {
                throw Error("schemaVersion", $"is not {Rendering.Json.SchemaVersion}, the version this tool writes and reads");
            }

            if (!root.TryGetProperty("shard", out var shard))
            {
                throw Error("shard", "is missing: this is the document of a whole run, not a shard; merge takes the files of uncertainty --shard I/K");
            }

            var scenario = Field(root, "scenario");
            var reference = new ScenarioReference(String(scenario, "name", "scenario."), String(scenario, "source", "scenario."));
            var sensitivity = String(root, "sensitivity") switch
            {
                "sobol" => SensitivityMethod.Sobol,
                "rankCorrelation" => SensitivityMethod.RankCorrelation,
                _ => throw Error("sensitivity", "is neither 'sobol' nor 'rankCorrelation'"),
            };
            var bootstrap = sensitivity == SensitivityMethod.Sobol ? Int(root, "bootstrapResamples") : PropagationSettings.DefaultBootstrapResamples;
            var seedElement = Field(root, "seed");
            if (!seedElement.TryGetUInt64(out var seed))
            {
                throw Error("seed", "is not a whole number from 0 to 2^64 - 1");
            }

            var provenance = ProvenanceOf(Field(root, "provenance"), seed);
            PropagationSettings settings;
            try
            {
                settings = new PropagationSettings(Int(root, "samples"), seed, Bool(root, "dynamics"), sensitivity, bootstrap);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw Error(e.ParamName ?? "samples", "is out of range");
            }

            var parameters = Field(root, "parameters");
            Expect(parameters, JsonValueKind.Array, "parameters");
            var beliefs = ImmutableArray.CreateBuilder<UncertainParameter>();
            var k = 0;
            foreach (var p in parameters.EnumerateArray())
            {
                var prefix = $"parameters[{k++}].";
                var notation = String(p, "distribution", prefix);
                if (!BeliefNotation.TryParse(notation, out var distribution, out var error, out _))
                {
                    throw Error(prefix + "distribution", $"'{notation}' is no belief: {error}");
                }

                beliefs.Add(new UncertainParameter(String(p, "path", prefix), distribution!, notation));
            }

            if (beliefs.Count == 0)
            {
                throw Error("parameters", "is empty");
            }

            var index = Int(shard, "index", "shard.");
            var count = Int(shard, "count", "shard.");
            if (count < 1 || count > settings.Samples || index < 1 || index > count)
            {
                throw Error("shard", $"says shard {index} of {count}, which a run of {settings.Samples} samples does not have");
            }

            var (first, samples) = BeliefPropagation.Shard(settings.Samples, index, count);
            if (Int(shard, "firstSample", "shard.") != first || Int(shard, "samples", "shard.") != samples)
            {
                throw Error("shard", $"does not hold samples {first} to {first + samples - 1}, which shard {index} of {count} holds");
            }

            var evaluations = Field(root, "evaluations");
            var measures = Strings(evaluations, "measures", "evaluations.");
            var expectedMeasures = settings.Measures.Select(UncertaintyDocument.MeasureName).ToArray();
            if (!measures.SequenceEqual(expectedMeasures))
            {
                throw Error("evaluations.measures", $"are not {string.Join(", ", expectedMeasures)}");
            }

            var classes = Strings(evaluations, "classes", "evaluations.");
            if (!classes.SequenceEqual(OutcomeDistribution.Classes.Select(c => c.ToString())))
            {
                throw Error("evaluations.classes", $"are not {string.Join(", ", OutcomeDistribution.Classes)}, the classes of this version");
            }

            try
            {
                var raw = new PropagationEvaluations(
                    first,
                    samples,
                    beliefs.Count,
                    Int(evaluations, "evaluationsPerSample", "evaluations."),
                    settings.Measures,
                    Numbers(evaluations, "inputs", "evaluations."),
                    Numbers(evaluations, "outputs", "evaluations."));
                if (raw.EvaluationsPerSample != settings.EvaluationsPerSample(beliefs.Count))
                {
                    throw Error("evaluations.evaluationsPerSample", $"is not {settings.EvaluationsPerSample(beliefs.Count)}, what the sensitivity method needs");
                }

                return new ShardFile(path, reference, provenance, beliefs.ToImmutable(), settings, index, count, raw);
            }
            catch (ArgumentException e)
            {
                throw Error("evaluations", e.Message.Split(" (Parameter")[0]);
            }
        }

        /// <summary>Reads the shard's provenance, which must name the seed the shard drew from.</summary>
        private Provenance ProvenanceOf(JsonElement element, ulong seed)
        {
            Expect(element, JsonValueKind.Object, "provenance");
            var version = String(element, "version", "provenance.");
            var sha = String(element, "scenarioSha256", "provenance.");
            if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
            {
                throw Error("provenance.scenarioSha256", "is not 64 lower-case hexadecimal digits");
            }

            if (!element.TryGetProperty("seed", out var seedElement) || !seedElement.TryGetUInt64(out var provenanceSeed) || provenanceSeed != seed)
            {
                throw Error("provenance.seed", string.Create(CultureInfo.InvariantCulture, $"is not {seed}, the seed of the shard's draws"));
            }

            return new Provenance(version, sha, provenanceSeed);
        }

        private ModelException Error(string field, string message) => new($"{path}: '{field}' {message}");

        private JsonElement Field(JsonElement parent, string name, string prefix = "")
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
            {
                throw Error(prefix + name, "is missing");
            }

            return value;
        }

        private void Expect(JsonElement element, JsonValueKind kind, string what)
        {
            if (element.ValueKind != kind)
            {
                throw Error(what, $"is {element.ValueKind.ToString().ToLowerInvariant()}, not {kind.ToString().ToLowerInvariant()}");
            }
        }

        private string String(JsonElement parent, string name, string prefix = "")
        {
            var value = Field(parent, name, prefix);
            Expect(value, JsonValueKind.String, prefix + name);
            return value.GetString()!;
        }

        private int Int(JsonElement parent, string name, string prefix = "")
        {
            var value = Field(parent, name, prefix);
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : throw Error(prefix + name, "is not a whole number");
        }

        private bool Bool(JsonElement parent, string name, string prefix = "")
        {
            var value = Field(parent, name, prefix);
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(prefix + name, "is not true or false"),
            };
        }

        private string[] Strings(JsonElement parent, string name, string prefix)
        {
            var value = Field(parent, name, prefix);
            Expect(value, JsonValueKind.Array, prefix + name);
            return [.. value.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error(string.Create(CultureInfo.InvariantCulture, $"{prefix}{name}[{i}]"), "is not a string"))];
        }

        private ImmutableArray<double> Numbers(JsonElement parent, string name, string prefix)
        {
            var value = Field(parent, name, prefix);
            Expect(value, JsonValueKind.Array, prefix + name);
            var numbers = ImmutableArray.CreateBuilder<double>(value.GetArrayLength());
            var i = 0;
            foreach (var e in value.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var x) || !double.IsFinite(x))
                {
                    throw Error(string.Create(CultureInfo.InvariantCulture, $"{prefix}{name}[{i}]"), "is not a finite number");
                }

                numbers.Add(x);
                i++;
            }

            return numbers.MoveToImmutable();
        }
    }
}
