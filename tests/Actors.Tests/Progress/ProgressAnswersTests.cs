using Actors.Api.Progress;
using Actors.Contracts.Requests.Index;

namespace Actors.Tests.Progress;

/// <summary>
/// Progress answers shared by the readers of one question for <c>Progress:AnswerFreshness</c>: one aggregation for
/// many readers, none shared across scopes or groupings, an aged answer served while the next is computed (within
/// the stale limit), a failure not kept, a reader's cancellation not stopping the others' read.
/// </summary>
public sealed class ProgressAnswersTests
{
    private static readonly RequestFilter Tunis = new(Governorates: ["TUNIS"]);
    private static readonly RequestDimension[] ByStatus = [RequestDimension.Status];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readers_of_one_question_share_one_aggregation_and_other_questions_get_their_own()
    {
        var index = new CountingRequestIndex { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var answers = new ProgressAnswers(new ProgressOptions { AnswerFreshness = TimeSpan.FromSeconds(1) }, new SteppedTime());

        var readers = Enumerable.Range(0, 20).Select(_ => answers.CountAsync(index, Tunis, ByStatus, Cancel)).ToList();
        var sfax = answers.CountAsync(index, new RequestFilter(Governorates: ["SFAX"]), ByStatus, Cancel);
        var byCenter = answers.CountAsync(index, Tunis, [RequestDimension.Center], Cancel);
        var sameQuestionAnotherList = answers.CountAsync(index, new RequestFilter(Governorates: ["TUNIS"]), [RequestDimension.Status], Cancel);
        index.Gate.SetResult();
        var shared = await Task.WhenAll(readers);
        await Task.WhenAll(sfax, byCenter);

        Assert.Equal(3, index.Aggregations);
        Assert.All(shared, answer => Assert.Same(shared[0], answer));
        Assert.Same(shared[0], await sameQuestionAnotherList);

        // Figures are another question than counts over the same filter.
        await answers.FiguresAsync(index, Tunis, Cancel);
        await answers.FiguresAsync(index, Tunis, Cancel);
        Assert.Equal(4, index.Aggregations);
    }

    [Fact]
    public async Task An_aged_answer_is_served_while_the_next_is_read_and_a_too_old_one_is_not()
    {
        var time = new SteppedTime();
        var index = new CountingRequestIndex();
        var answers = new ProgressAnswers(new ProgressOptions { AnswerFreshness = TimeSpan.FromSeconds(1) }, time);
        var first = await answers.CountAsync(index, Tunis, ByStatus, Cancel);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Same(first, await answers.CountAsync(index, Tunis, ByStatus, Cancel));
        Assert.Equal(1, index.Aggregations);

        // Aged: the reader gets it at once, and the next one is being read meanwhile.
        index.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Same(first, await answers.CountAsync(index, Tunis, ByStatus, Cancel));
        Assert.Same(first, await answers.CountAsync(index, Tunis, ByStatus, Cancel));
        for (var i = 0; i < 500 && index.Aggregations < 2; i++)
        {
            await Task.Delay(10, Cancel);
        }

        Assert.Equal(2, index.Aggregations);
        index.Gate.SetResult();
        var second = await Eventually(answers, index, first);
        Assert.NotSame(first, second);
        Assert.Equal(2, index.Aggregations);

        // Older than the stale limit: the reader waits for a new read.
        index.Gate = null;
        time.Advance(TimeSpan.FromSeconds(ProgressAnswers.StaleLimit));
        var third = await answers.CountAsync(index, Tunis, ByStatus, Cancel);
        Assert.NotSame(second, third);
        Assert.Equal(3, index.Aggregations);
    }

    [Fact]
    public async Task A_failed_read_is_not_kept_and_one_readers_cancellation_leaves_the_others_their_answer()
    {
        var index = new CountingRequestIndex { FailNext = true };
        var answers = new ProgressAnswers(new ProgressOptions { AnswerFreshness = TimeSpan.FromSeconds(1) }, new SteppedTime());
        await Assert.ThrowsAsync<TimeoutException>(() => answers.CountAsync(index, Tunis, ByStatus, Cancel));

        index.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leaving = new CancellationTokenSource();
        var left = answers.CountAsync(index, Tunis, ByStatus, leaving.Token);
        var staying = answers.CountAsync(index, Tunis, ByStatus, Cancel);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        index.Gate.SetResult();
        Assert.NotNull(await staying);
        Assert.Equal(2, index.Aggregations);
    }

    [Fact]
    public async Task Freshness_zero_reads_the_index_every_time()
    {
        var index = new CountingRequestIndex();
        var answers = new ProgressAnswers(new ProgressOptions(), new SteppedTime());
        for (var i = 0; i < 3; i++)
        {
            await answers.CountAsync(index, Tunis, ByStatus, Cancel);
            await answers.FiguresAsync(index, Tunis, Cancel);
        }

        Assert.Equal(6, index.Aggregations);
    }

    /// <summary>The answer once the running read has replaced <paramref name="aged"/> (the read completes on another thread).</summary>
    private static async Task<RequestCounts> Eventually(ProgressAnswers answers, CountingRequestIndex index, RequestCounts aged)
    {
        for (var i = 0; i < 500; i++)
        {
            var answer = await answers.CountAsync(index, Tunis, ByStatus, Cancel);
            if (!ReferenceEquals(answer, aged))
            {
                return answer;
            }

            await Task.Delay(10, Cancel);
        }

        throw new TimeoutException("The next answer never replaced the aged one.");
    }
}
