using Actors.Contracts.Documents;
using Actors.Contracts.Naming;

namespace Actors.Grains.Documents;

public sealed class IssuedDocumentGrain(
    [PersistentState(StorageNames.IssuedDocumentState, StorageNames.Domain)] IPersistentState<IssuedDocumentState> state)
    : Grain, IIssuedDocumentGrain
{
    public async Task Register(Guid requestId, IssuedDocument document, DateOnly holderBirthDate)
    {
        if (state.RecordExists)
        {
            // A code is random and registered once; a second, different registration would be a collision.
            if (state.State.RequestId != requestId)
            {
                throw new InvalidOperationException("Document code collision.");
            }

            return;
        }

        state.State = new IssuedDocumentState { Document = document, HolderBirthDate = holderBirthDate, RequestId = requestId };
        await state.WriteStateAsync();
    }

    public Task<IssuedDocument?> Verify(DateOnly holderBirthDate) =>
        Task.FromResult(state.RecordExists && state.State.HolderBirthDate == holderBirthDate ? state.State.Document : null);
}
