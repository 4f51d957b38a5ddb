namespace Actors.Tests.TrustedDocuments;

/// <summary>Inputs for the registered mutations these tests send.</summary>
internal static class TrustedDocumentsRequests
{
    /// <summary>The Tunis demo office (center TN11-GU1), which takes requests.</summary>
    public const string TunisCenterId = "U2VydmljZUNlbnRlcjpUTjExLUdVMQ";

    /// <summary>An adult's renewal, for themselves: the applicant's card number is the citizen's own.</summary>
    public static object Renewal(string nationalIdNumber) => new
    {
        reason = "RENEWAL",
        centerId = TunisCenterId,
        idempotencyKey = "trusted-" + Guid.NewGuid().ToString("N"),
        applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber },
    };
}
