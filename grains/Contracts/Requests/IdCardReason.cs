namespace Actors.Contracts.Requests;

public enum IdCardReason
{
    FirstIssue,
    Renewal,
    LossOrTheft,
    DataChange,
}
