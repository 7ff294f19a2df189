using System.Numerics;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;

namespace PredictiveModels.Tests.Expressions;

public sealed class ExpressionTreeTests
{
    [Fact]
    public void Equal_trees_from_different_sources_are_equal_and_hash_alike()
    {
        var a = ExpressionParser.Parse("f(g(1), ?h: Nat)", new SourceLocation("a.yaml", 1, 1));
        var b = ExpressionParser.Parse("f( g( 1 ),\n ?h : Nat )", new SourceLocation("b.yaml", 30, 7));

        a.Should().Be(b);
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Theory]
    [InlineData("f(1)", "g(1)")]
    [InlineData("f(1)", "f(2)")]
    [InlineData("f(1)", "f(1, 1)")]
    [InlineData("f(a, b)", "f(b, a)")]
    [InlineData("?h: Nat", "?k: Nat")]
    [InlineData("?h: Nat", "?h: Time")]
    [InlineData("f", "?f: Nat")]
    [InlineData("1", "?h: Nat")]
    [InlineData("1", "f")]
    public void Trees_that_differ_in_a_name_a_type_a_value_or_an_argument_are_not_equal(string left, string right)
    {
        var a = Expression.Parse(left);
        var b = Expression.Parse(right);

        a.Equals(b).Should().BeFalse();
        b.Equals(a).Should().BeFalse();
        a.Equals((object)b).Should().BeFalse();
    }

    [Fact]
    public void An_expression_is_not_equal_to_null_or_to_another_kind_of_object()
    {
        Expression.Parse("f(1)").Equals((Expression?)null).Should().BeFalse();
        Expression.Parse("f(1)").Equals((object?)null).Should().BeFalse();
        Expression.Parse("f(1)").Equals("f(1)").Should().BeFalse();
    }

    [Fact]
    public void Hash_codes_tell_apart_names_types_values_and_argument_lists()
    {
        // Not required by the contract, but a hash that ignored a field would make every set of
        // expressions that differ only there collide; these pairs all differ in one field.
        Expression.Parse("f(1)").GetHashCode().Should().NotBe(Expression.Parse("g(1)").GetHashCode());
        Expression.Parse("f(1)").GetHashCode().Should().NotBe(Expression.Parse("f(2)").GetHashCode());
        Expression.Parse("f(1)").GetHashCode().Should().NotBe(Expression.Parse("f").GetHashCode());
        new Hole("h", ModelType.Nat).GetHashCode().Should().NotBe(new Hole("h", ModelType.Time).GetHashCode());
        new Hole("h", ModelType.Nat).GetHashCode().Should().NotBe(new Hole("k", ModelType.Nat).GetHashCode());
        new NatLiteral(3).GetHashCode().Should().NotBe(new NatLiteral(4).GetHashCode());
    }

    [Fact]
    public void Size_counts_every_node_and_holes_are_found_at_any_depth()
    {
        var e = Expression.Parse("f(g(1, h(?x: Nat)), 2)");

        e.Size.Should().Be(6);
        e.HasHoles.Should().BeTrue();
        Expression.Parse("f(g(1, h(x)), 2)").HasHoles.Should().BeFalse();
        Expression.Parse("f(1, ?x: Nat)").HasHoles.Should().BeTrue();
        Expression.Parse("f(?x: Nat, 1)").HasHoles.Should().BeTrue();
        new NatLiteral(5).Size.Should().Be(1);
        new NatLiteral(5).HasHoles.Should().BeFalse();
        new Hole("x", ModelType.Nat).Size.Should().Be(1);
        new Application("c").Size.Should().Be(1);
        new Application("c").HasHoles.Should().BeFalse();
    }

    [Fact]
    public void Nodes_lists_the_tree_in_pre_order()
    {
        var e = Expression.Parse("f(g(1, ?x: Nat), 2)");

        e.Nodes().Select(n => n.ToString()).Should().Equal("f(g(1, ?x: Nat), 2)", "g(1, ?x: Nat)", "1", "?x: Nat", "2");
    }

    [Fact]
    public void The_printer_writes_the_canonical_form()
    {
        Expression.Parse(" f (  g ( 1 ,?x:Nat ) ,2 ) ").ToString().Should().Be("f(g(1, ?x: Nat), 2)");
        Expression.Parse("c()").ToString().Should().Be("c");
        ExpressionPrinter.Print(new NatLiteral(BigInteger.Parse("100000000000000000000", System.Globalization.CultureInfo.InvariantCulture))).Should().Be("100000000000000000000");
    }

    [Fact]
    public void Node_constructors_reject_empty_names_and_negative_values()
    {
        FluentActions.Invoking(() => new Application("")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new Hole("", ModelType.Nat)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new NatLiteral(-1)).Should().Throw<ArgumentOutOfRangeException>();
        new NatLiteral(0).Value.Should().Be(BigInteger.Zero);
    }
}
