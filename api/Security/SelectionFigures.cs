namespace Actors.Api.Security;

/// <summary>
/// The cost, depth and introspection count of a selection set. Sums and products saturate instead
/// of overflowing: a document built to overflow a counter costs "too much", not a negative amount.
/// </summary>
internal readonly record struct SelectionFigures(long Cost, int Depth, long SchemaFields, bool Introspects)
{
    public static readonly SelectionFigures None = new(0, 0, 0, false);

    private const long Ceiling = long.MaxValue / 4;

    public static long Add(long a, long b) => Math.Min(Ceiling, a + b);

    public static long Multiply(long a, long b) =>
        a == 0 || b == 0 ? 0 : a > Ceiling / b ? Ceiling : Math.Min(Ceiling, a * b);

    /// <summary>Two sibling selections: costs and counts add, depth is the deeper one.</summary>
    public SelectionFigures Beside(SelectionFigures other) => new(
        Add(Cost, other.Cost), Math.Max(Depth, other.Depth), Add(SchemaFields, other.SchemaFields), Introspects || other.Introspects);
}
