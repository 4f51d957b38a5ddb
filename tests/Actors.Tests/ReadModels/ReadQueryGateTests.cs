using Actors.Persistence.ReadModels;

namespace Actors.Tests.ReadModels;

/// <summary>
/// The bound on a host's read-model queries at once (ReadModels:MaxConcurrentQueries): entries past the bound wait and
/// are let in first come first served; a cancelled waiter leaves the queue without taking a slot; no bound never waits.
/// </summary>
public sealed class ReadQueryGateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queries_past_the_bound_wait_and_enter_in_the_order_they_came()
    {
        using var gate = new ReadQueryGate(2);
        var first = await gate.EnterAsync(Cancel);
        var second = await gate.EnterAsync(Cancel);
        var entered = new List<int>();
        var leave = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var waiting = new List<Task>();
        for (var n = 1; n <= 3; n++)
        {
            var waiter = n;
            waiting.Add(Task.Run(async () =>
            {
                using var turn = await gate.EnterAsync(Cancel);
                lock (entered)
                {
                    entered.Add(waiter);
                }

                await leave[waiter].Task;
            }, Cancel));

            // Queued one after the other, so that "first come" is well defined.
            await Task.Delay(50, Cancel);
        }

        Assert.Empty(Entered());

        first.Dispose();
        await Until(() => Entered().Length == 1);
        Assert.Equal([1], Entered());

        leave[1].SetResult();
        await Until(() => Entered().Length == 2);
        Assert.Equal([1, 2], Entered());

        second.Dispose();
        await Until(() => Entered().Length == 3);
        Assert.Equal([1, 2, 3], Entered());
        leave[2].SetResult();
        leave[3].SetResult();
        await Task.WhenAll(waiting);

        int[] Entered()
        {
            lock (entered)
            {
                return [.. entered];
            }
        }
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_takes_no_slot()
    {
        using var gate = new ReadQueryGate(1);
        var held = await gate.EnterAsync(Cancel);
        using var gaveUp = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(gaveUp.Token).AsTask();
        var next = gate.EnterAsync(Cancel).AsTask();

        await gaveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(next.IsCompleted);

        held.Dispose();
        using var turn = await next;
        Assert.False(gate.EnterAsync(CancellationToken.None).AsTask().IsCompleted, "the one slot is the last waiter's");
    }

    [Fact]
    public async Task Without_a_bound_nothing_waits()
    {
        using var gate = new ReadQueryGate(0);
        var turns = new List<ReadQueryGate.Turn>();
        for (var i = 0; i < 100; i++)
        {
            var entering = gate.EnterAsync(Cancel);
            Assert.True(entering.IsCompleted);
            turns.Add(await entering);
        }

        turns.ForEach(t => t.Dispose());
        Assert.Equal(0, ReadQueryGate.Unbounded.Limit);
    }

    [Fact]
    public void A_negative_bound_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadQueryGate(-1));
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, Cancel);
        }
    }
}
