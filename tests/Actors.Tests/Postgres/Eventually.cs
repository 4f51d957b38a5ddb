namespace Actors.Tests.Postgres;

/// <summary>Polls a condition until it holds or a deadline passes: asynchronous effects without fixed sleeps.</summary>
public static class Eventually
{
    public static async Task Async(Func<Task<bool>> condition, TimeSpan deadline, string? what = null)
    {
        var until = DateTime.UtcNow + deadline;
        var pause = TimeSpan.FromMilliseconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Not reached within {deadline}: {what ?? "condition"}.");
            }

            await Task.Delay(pause, TestContext.Current.CancellationToken);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }
}
