namespace Actors.Api.Requests;

public sealed class SubmitCriminalRecordRequestInput
{
    public ApplicantInput Applicant { get; set; } = new();

    public string CenterId { get; set; } = "";

    public string Purpose { get; set; } = "";

    public ContactInput? Contact { get; set; }

    public string? IdempotencyKey { get; set; }
}
