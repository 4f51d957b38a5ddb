using System.Text.RegularExpressions;

namespace Actors.Tests.Transport;

/// <summary>Every swallowed exception under api/ says why: a catch block is never empty, it holds at least a comment.</summary>
public sealed partial class EmptyCatchTests
{
    [Fact]
    public void No_catch_block_under_api_is_empty()
    {
        var api = Path.Combine(RepositoryRoot.Path, "api");
        var empty = Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => EmptyCatch().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(RepositoryRoot.Path, f)}: {m.Value.Trim()}"))
            .ToList();

        Assert.True(empty.Count == 0, "Empty catch blocks:\n" + string.Join('\n', empty));
    }

    // "catch", an optional (Type name) and "when (...)", preprocessor lines, then "{" and "}" with only blanks between.
    [GeneratedRegex(@"\bcatch\b[^{;]*?(\n\s*#[^\n]*)*\s*\{\s*\}")]
    private static partial Regex EmptyCatch();
}
