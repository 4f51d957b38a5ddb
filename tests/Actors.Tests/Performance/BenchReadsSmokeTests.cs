using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.Tests.Performance;

/// <summary>
/// The short form of <c>bench --reads</c> (issue 15, target 2): the built benchmark run as an operator runs it, for a
/// second a phase at four clients. Not timed: it checks that the mode still runs end to end against the real hosts
/// (a throwaway PostgreSQL, a silo process, the API as its client) and prints every figure target 2 is read from, so
/// that a change to the hosts or to the bench that breaks the measure shows in CI rather than on the next long run.
/// </summary>
public sealed partial class BenchReadsSmokeTests
{
    private static string BenchDll => BuiltProgram.Dll("bench", "Actors.Bench");

    [Fact]
    public async Task TheReadsModeMeasuresEveryPhaseAndPrintsTargetTwosFigures()
    {
        Assert.True(File.Exists(BenchDll), $"The benchmark is not built at {BenchDll}.");
        var (exitCode, standardOutput, errors) = await BuiltProgram.RunAsync(BenchDll, ["--reads", "--clients", "4", "--seconds", "1", "--warmup", "1"],
            TimeSpan.FromMinutes(4), cancellationToken: TestContext.Current.CancellationToken);
        var output = standardOutput + errors;

        Assert.True(exitCode == 0, $"bench --reads exited {exitCode}:\n{output}");
        Assert.Matches(QuietPattern(), output);
        Assert.DoesNotContain("first failure", output, StringComparison.Ordinal);

        // Every phase answered, none failed: the floor twice, request(id), GraphQL without a grain, and the page.
        foreach (var phase in new[] { "/health/live", "request(id), citizen's token", "{ __typename }, citizen's token", "requests(where:) page of 50, agent's token", "/health/live, again" })
        {
            var row = PhaseRow(output, phase);
            Assert.True(row.Answers > 0, $"{phase}: no answers\n{output}");
            Assert.Equal(0, row.Failed);
        }

        // The three ratios of target 2, each a positive figure.
        foreach (var measure in new[] { "request(id) ÷ /health/live throughput", "request(id) p99 ÷ /health/live p99", "page of 50 requests(where:) ÷ /health/live throughput" })
        {
            var match = Regex.Match(output, @"\| reads: " + Regex.Escape(measure) + @"[^|]*\| ([0-9.]+) \|");
            Assert.True(match.Success, $"no ratio for {measure}\n{output}");
            Assert.True(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 0, $"{measure}: {match.Value}");
        }

        // What the targets allow an answer to cost, and GraphQL for .NET's own cost (a positive figure).
        Assert.Contains("| request(id) at 0.8 |", output, StringComparison.Ordinal);
        Assert.Contains("| page of 50 at 0.3 |", output, StringComparison.Ordinal);
        Assert.Matches(@"\{ __typename \} with the same tokens [^:]*: [0-9.]+ ms of CPU per answer", output);
        var graphQL = GraphQLFloorPattern().Match(output);
        Assert.True(graphQL.Success && double.Parse(graphQL.Groups[1].Value, CultureInfo.InvariantCulture) > 0, output);
    }

    private static (double Answers, int Failed) PhaseRow(string output, string phase)
    {
        var match = Regex.Match(output, @"^\| " + Regex.Escape(phase) + @" \| ([0-9]+) \| [0-9.]+ / [0-9.]+ \| ([0-9]+) \|", RegexOptions.Multiline);
        Assert.True(match.Success, $"no row for {phase}\n{output}");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"Hosts quiet [0-9]+ s after the seed\.")]
    private static partial Regex QuietPattern();

    [GeneratedRegex(@"GraphQL for \.NET alone[^:]*: ([0-9.]+) ms of CPU per execution")]
    private static partial Regex GraphQLFloorPattern();
}
