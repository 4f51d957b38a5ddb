using System.Text.Json;
using Actors.Contracts.Requests.Index;

namespace Actors.Api.Progress;

/// <summary>
/// Progress counts and figures kept for a moment (<see cref="ProgressOptions.AnswerFreshness"/>), shared by every
/// reader of the same question: the query, the CSV export and every live feed. A dashboard that many staff watch, or
/// analysts asking the countrywide question at once, then cost the read model one aggregation per question per moment,
/// not one per reader. The question is the scoped filter and the grouping, so readers of different scopes never share.
/// One reader computes; the others wait for it. When an answer has aged, the first reader starts the next computation
/// and readers keep getting the aged answer while it runs, as long as it is younger than
/// <see cref="StaleLimit"/> times the freshness; <c>asOf</c> and <c>projectionLagSeconds</c> tell how old it is.
/// Freshness zero (embedded mode's default: its index is in memory) reads the index every time.
/// </summary>
public sealed class ProgressAnswers(ProgressOptions options, TimeProvider? realTime = null)
{
    /// <summary>An aged answer is served while the next is computed up to this many freshness periods after it was read.</summary>
    public const int StaleLimit = 5;

    /// <summary>Questions kept at most; beyond, answers older than the stale limit go first, then all.</summary>
    public const int MaxQuestions = 512;

    private readonly Dictionary<string, Answer> _answers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    // Real time (the application clock may be a rehearsal's): the freshness is about sparing the read model.
    private readonly TimeProvider _time = realTime ?? TimeProvider.System;

    public TimeSpan Freshness => options.AnswerFreshness;

    public Task<RequestCounts> CountAsync(
        IRequestIndex index, RequestFilter filter, IReadOnlyList<RequestDimension> groupBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Freshness <= TimeSpan.Zero
            ? index.CountAsync(filter, groupBy, cancellationToken)
            : Shared("counts " + Question(filter) + " by " + string.Join(",", groupBy), () => index.CountAsync(filter, groupBy, CancellationToken.None), cancellationToken);
    }

    public Task<RequestFigures> FiguresAsync(IRequestIndex index, RequestFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Freshness <= TimeSpan.Zero
            ? index.FiguresAsync(filter, cancellationToken)
            : Shared("figures " + Question(filter), () => index.FiguresAsync(filter, CancellationToken.None), cancellationToken);
    }

    /// <summary>The filter as a canonical text: a record's equality would compare its lists by reference.</summary>
    private static string Question(RequestFilter filter) => JsonSerializer.Serialize(filter);

    private async Task<T> Shared<T>(string question, Func<Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        Task<object> pending;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_answers.TryGetValue(question, out var answer))
            {
                var age = _time.GetElapsedTime(answer.ReadAt, now);
                if (answer.Value is { } value && age < Freshness)
                {
                    return (T)value;
                }

                answer.Next ??= Start(question, read);
                if (answer.Value is { } aged && age < Freshness * StaleLimit)
                {
                    return (T)aged;
                }

                pending = answer.Next;
            }
            else
            {
                Forget(now);
                var first = new Answer();
                _answers[question] = first;
                first.Next = Start(question, read);
                pending = first.Next;
            }
        }

        return (T)await pending.WaitAsync(cancellationToken);
    }

    /// <summary>The next computation of a question; no reader's cancellation stops it, since others wait for it too.</summary>
    private Task<object> Start<T>(string question, Func<Task<T>> read)
        where T : class =>
        Task.Run(async () =>
        {
            try
            {
                object value = await read();
                lock (_lock)
                {
                    if (_answers.TryGetValue(question, out var answer))
                    {
                        (answer.Value, answer.ReadAt, answer.Next) = (value, _time.GetTimestamp(), null);
                    }
                }

                return value;
            }
            catch
            {
                // A failed read is not kept: the next reader tries again (and the ones waiting get the error).
                lock (_lock)
                {
                    if (_answers.TryGetValue(question, out var answer))
                    {
                        answer.Next = null;
                    }
                }

                throw;
            }
        });

    /// <summary>Bounds the questions kept (called under the lock, before adding one).</summary>
    private void Forget(long now)
    {
        if (_answers.Count < MaxQuestions)
        {
            return;
        }

        foreach (var (question, answer) in _answers.ToList())
        {
            if (answer.Next is null && _time.GetElapsedTime(answer.ReadAt, now) >= Freshness * StaleLimit)
            {
                _answers.Remove(question);
            }
        }

        if (_answers.Count >= MaxQuestions)
        {
            foreach (var (question, _) in _answers.Where(a => a.Value.Next is null).ToList())
            {
                _answers.Remove(question);
            }
        }
    }

    /// <summary>One question's latest answer and the computation of the next, if one runs.</summary>
    private sealed class Answer
    {
        public object? Value { get; set; }

        public long ReadAt { get; set; }

        public Task<object>? Next { get; set; }
    }
}
