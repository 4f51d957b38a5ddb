namespace Actors.Grains.Persistence;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state; if the write (or the check before it) fails, nothing was acknowledged, so
    /// the in-memory change is dropped and the stored truth read back; if even that fails, the grain
    /// deactivates so that its next call starts from storage. The original failure is rethrown.
    /// </summary>
    public static async Task WriteOrRestoreAsync<TState>(
        this IPersistentState<TState> state, IGrainBase grain, Action? checkBeforeWrite = null, Action? afterRestore = null)
    {
        try
        {
            checkBeforeWrite?.Invoke();
            await state.WriteStateAsync();
        }
        catch
        {
            try
            {
                await state.ReadStateAsync();
                afterRestore?.Invoke();
            }
            catch
            {
                grain.DeactivateOnIdle();
            }

            throw;
        }
    }
}
