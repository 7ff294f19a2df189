using System.Numerics;
using CsCheck;
using PredictiveModels.Expressions;

namespace PredictiveModels.Tests;

/// <summary>Random expression trees for property tests (syntax only: names need not exist).</summary>
internal static class ExpressionGenerators
{
    private static readonly Gen<string> Identifier =
        from first in Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"]
        from rest in Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789_"], 0, 8]
        select first + rest;

    private static readonly Gen<Expression> Leaf = Gen.OneOf(
        Identifier.Select(name => (Expression)new Application(name)),
        Gen.ULong.Select(v => (Expression)new NatLiteral(new BigInteger(v) * (v % 3 == 0 ? BigInteger.Pow(10, 20) : BigInteger.One))),
        from name in Identifier
        from type in Gen.Enum<ModelType>()
        select (Expression)new Hole(name, type));

    public static Gen<Expression> Expression { get; } = Tree(4);

    private static Gen<Expression> Tree(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (2, Leaf),
            (3, from name in Identifier
                from arguments in Tree(depth - 1).Array[1, 3]
                select (Expression)new Application(name, arguments)));
}
