using System.Text.Json.Serialization;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>
/// The serialisation code of every JSON document, generated at compile time (no reflection): property names in
/// camelCase, indented. <see cref="Json.Serialize{T}"/> adds the relaxed escaping the documents have always used.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ValidateDocument))]
[JsonSerializable(typeof(StructuresDocument))]
[JsonSerializable(typeof(ScoreDocument))]
[JsonSerializable(typeof(ExplainDocument))]
[JsonSerializable(typeof(ExplainEnergyDocument))]
[JsonSerializable(typeof(PosteriorDocument))]
[JsonSerializable(typeof(SweepDocument))]
[JsonSerializable(typeof(TrainingSweepDocument))]
[JsonSerializable(typeof(TrainDocument))]
[JsonSerializable(typeof(RunDocument))]
[JsonSerializable(typeof(CompareDocument))]
[JsonSerializable(typeof(UncertaintyDocument))]
[JsonSerializable(typeof(UncertaintyShardDocument))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
