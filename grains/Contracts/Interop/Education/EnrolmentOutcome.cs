namespace Actors.Contracts.Interop.Education;

public enum EnrolmentOutcome
{
    Enrolled,
    NotEnrolled,

    /// <summary>Enrolled, but at another school than the one declared (which one is not told).</summary>
    AnotherSchool,
}
