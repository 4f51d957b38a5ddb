namespace Actors.Bench;

/// <summary>
/// The side-by-side table a mode prints when --topology names several: one row per topology, in the order they ran.
/// </summary>
public static class TopologyComparison
{
    /// <param name="title">The table's heading, without its "### ".</param>
    /// <param name="header">The column names, "|"-separated, without the outer bars; the first is the topology.</param>
    /// <param name="rows">One row per topology, cells "|"-separated, without the outer bars.</param>
    public static void Print(string title, string header, IReadOnlyList<string> rows)
    {
        Console.WriteLine();
        Console.WriteLine("### " + title);
        Console.WriteLine();
        Console.WriteLine("| " + header + " |");
        Console.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", header.Split('|').Length)));
        foreach (var row in rows)
        {
            Console.WriteLine("| " + row + " |");
        }
    }
}
