using Actors.ServiceDefaults;

namespace Actors.Api.Progress;

/// <summary>Configuration section <c>Progress</c>.</summary>
public sealed class ProgressOptions
{
    public const string Section = "Progress";

    /// <summary>
    /// How long a progress answer is shared by everyone asking the same question (<see cref="ProgressAnswers"/>).
    /// Unset: one second with PostgreSQL (where the answer is an aggregation over the summary, and the read model
    /// already trails the writes by its projection lag), zero in embedded mode (an index in memory, read every time).
    /// </summary>
    public TimeSpan AnswerFreshness { get; set; }

    /// <summary>The section as configured, with the mode's default when the freshness is unset; a negative one stops the start.</summary>
    public static ProgressOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var options = section.Get<ProgressOptions>() ?? new ProgressOptions();
        if (section[nameof(AnswerFreshness)] is null)
        {
            options.AnswerFreshness = HostingMode.IsEmbedded(configuration) ? TimeSpan.Zero : TimeSpan.FromSeconds(1);
        }

        return options.AnswerFreshness >= TimeSpan.Zero
            ? options
            : throw new InvalidOperationException($"{Section}:{nameof(AnswerFreshness)} must not be negative (00:00:00 reads the index every time).");
    }
}
