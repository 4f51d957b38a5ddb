using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Education;
using Actors.Tests.Transport;

namespace Actors.Tests.Interop;

/// <summary>Each documented school code of the Education sandbox (docs/sandboxes.md), and the level and school year it answers.</summary>
public sealed class EducationSandboxTests
{
    // 1 March 2027 in Tunis: the school year 2026–2027.
    private static readonly FixedTimeProvider March2027 = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(1)));

    [Theory]
    [InlineData("SBX-NOT-ENROLLED", EnrolmentOutcome.NotEnrolled)]
    [InlineData("sbx-other-school", EnrolmentOutcome.AnotherSchool)]
    public async Task A_documented_school_code_is_not_an_enrolment(string schoolCode, EnrolmentOutcome outcome)
    {
        await using var host = new InteropHost(clock: March2027);
        var check = await host.Get<IEducationRegistry>().CheckEnrolment(Pupil(schoolCode, "2e année secondaire"), TestContext.Current.CancellationToken);
        Assert.Equal(new EnrolmentCheck(outcome), check);
    }

    [Theory]
    [InlineData("SBX-TIMEOUT", "timeout")]
    [InlineData("SBX-DOWN", "server-error")]
    public async Task A_documented_school_code_makes_the_register_unavailable(string schoolCode, string reason)
    {
        await using var host = new InteropHost(clock: March2027);
        var error = await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() =>
            host.Get<IEducationRegistry>().CheckEnrolment(Pupil(schoolCode, null), TestContext.Current.CancellationToken));
        Assert.Equal((OutsideSystem.Education, reason), (error.System, error.Reason));
    }

    [Theory]
    [InlineData("2e année secondaire", "secondary")]
    [InlineData("Bac", "secondary")]
    [InlineData("7e année de base", "preparatory")]
    [InlineData("9", "preparatory")]
    [InlineData("6ème année primaire", "primary")]
    [InlineData(null, "secondary")]
    [InlineData("السنة الثانية ثانوي", "secondary")]
    public async Task Any_other_school_enrols_the_pupil_this_school_year_at_the_level_of_the_grade(string? grade, string level)
    {
        await using var host = new InteropHost(clock: March2027);
        var check = await host.Get<IEducationRegistry>().CheckEnrolment(Pupil("LYC-TN-0042", grade), TestContext.Current.CancellationToken);
        Assert.Equal(new EnrolmentCheck(EnrolmentOutcome.Enrolled, level, 2026), check);
    }

    [Theory]
    [InlineData("2026-09-14T22:59:00Z", 2025)]
    [InlineData("2026-09-14T23:00:00Z", 2026)]
    [InlineData("2027-09-14T12:00:00Z", 2026)]
    public async Task The_school_year_starts_on_15_September_in_Tunis(string now, int schoolYear)
    {
        await using var host = new InteropHost(clock: new FixedTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
        var check = await host.Get<IEducationRegistry>().CheckEnrolment(Pupil("LYC-TN-0042", null), TestContext.Current.CancellationToken);
        Assert.Equal(schoolYear, check.SchoolYear);
    }

    private static EnrolmentQuery Pupil(string schoolCode, string? grade) => new("Amira", "Ben Salah", new DateOnly(2011, 5, 6), schoolCode, grade);
}
