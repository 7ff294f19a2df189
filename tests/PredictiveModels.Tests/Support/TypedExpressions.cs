using PredictiveModels.Expressions;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests;

/// <summary>Builds random well-typed expressions over a world model from a seed, for property tests.</summary>
internal static class TypedExpressions
{
    public static Expression Random(WorldModel world, ModelType type, Random random, int depth, double holeChance = 0.0)
    {
        if (holeChance > 0 && random.NextDouble() < holeChance)
        {
            return new Hole("h" + random.Next(1000), type);
        }

        if (type == ModelType.Nat && (world.Alternatives(ModelType.Nat).IsEmpty || random.Next(2) == 0))
        {
            return new NatLiteral(random.Next(0, 5000));
        }

        var alternatives = world.Alternatives(type);
        var pool = depth <= 0 ? alternatives.Where(a => a.Arity == 0 || a.ParameterTypes.All(p => p == ModelType.Nat)).ToArray() : [.. alternatives];
        if (pool.Length == 0)
        {
            pool = [.. alternatives];
        }

        var symbol = pool[random.Next(pool.Length)];
        return new Application(symbol.Name, symbol.ParameterTypes.Select(p => Random(world, p, random, depth - 1, holeChance)).ToArray());
    }
}
