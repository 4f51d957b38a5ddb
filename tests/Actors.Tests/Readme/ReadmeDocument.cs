using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Actors.Tests.Readme;

/// <summary>The runnable parts of the repository's README.md: the /dev/token curl lines and the ```graphql blocks.</summary>
public static partial class ReadmeDocument
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

    /// <summary>The JSON bodies of the <c>curl .../dev/token -d '...'</c> lines, by subject.</summary>
    public static IReadOnlyDictionary<string, JsonObject> TokenRequests() =>
        TokenLine().Matches(Text)
            .Select(m => JsonNode.Parse(m.Groups["body"].Value)!.AsObject())
            .ToDictionary(body => body["subject"]!.GetValue<string>(), StringComparer.Ordinal);

    public static IReadOnlyList<ReadmeSnippet> GraphQLSnippets() =>
        GraphQLBlock().Matches(Text).Select(m =>
        {
            var body = m.Groups["body"].Value;
            var comments = body.Split('\n').TakeWhile(l => l.TrimStart().StartsWith('#')).Select(l => l.TrimStart('#', ' ')).ToList();
            var subject = comments.Select(c => AsSubject().Match(c)).FirstOrDefault(a => a.Success)?.Groups["subject"].Value;
            var showsError = comments.Any(c => c.Contains("shows an error", StringComparison.Ordinal));
            var line = Text[..m.Index].Count(c => c == '\n') + 1;
            var afterPaying = comments.Any(c => c.Contains("after paying on the page", StringComparison.Ordinal));
            var until = comments.Select(c => RetriedUntil().Match(c)).FirstOrDefault(r => r.Success)?.Groups["text"].Value;
            var onAppointmentDay = comments.Any(c => c.Contains("on the appointment's day", StringComparison.Ordinal));
            return new ReadmeSnippet(line, subject, showsError, Operations(body), afterPaying, until, onAppointmentDay);
        }).ToList();

    /// <summary>Splits a block into its top-level operations (one document may hold only one anonymous operation).</summary>
    private static List<string> Operations(string block)
    {
        var operations = new List<string>();
        var depth = 0;
        var start = -1;
        var inString = false;
        for (var i = 0; i < block.Length; i++)
        {
            var c = block[i];
            if (c == '"' && (i == 0 || block[i - 1] != '\\'))
            {
                inString = !inString;
            }

            if (inString)
            {
                continue;
            }

            if (c == '#' && depth == 0)
            {
                // A comment line outside any operation.
                i = block.IndexOf('\n', i) is var end and >= 0 ? end : block.Length;
                continue;
            }

            if (start < 0 && !char.IsWhiteSpace(c))
            {
                start = i;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                operations.Add(block[start..(i + 1)].Trim());
                start = -1;
            }
        }

        Assert.True(depth == 0 && start < 0, $"Unbalanced braces in a README graphql block:\n{block}");
        return operations;
    }

    [GeneratedRegex(@"curl [^\n]*/dev/token[^\n]* -d '(?<body>\{[^']*\})'")]
    private static partial Regex TokenLine();

    [GeneratedRegex(@"```graphql\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();

    [GeneratedRegex("retried until \"(?<text>[^\"]+)\"")]
    private static partial Regex RetriedUntil();

    [GeneratedRegex(@"^as (?<subject>[a-z0-9-]+)")]
    private static partial Regex AsSubject();
}
