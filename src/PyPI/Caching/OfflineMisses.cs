using System.Runtime.ExceptionServices;

namespace Req2Nix.PyPI.Caching;

/// <summary>Waits for several lookups and, offline, reports everything the cache lacked in one exception.</summary>
internal static class OfflineMisses
{
    public static async Task<T[]> WhenAll<T>(Task<T>[] tasks)
    {
        try
        {
            return await Task.WhenAll(tasks);
        }
        catch (OfflineMissException)
        {
            var missing = new List<Uri>();
            foreach (var task in tasks)
            {
                if (task.Exception?.InnerException is { } failure and not OfflineMissException)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }
                if (task.Exception?.InnerException is OfflineMissException miss)
                {
                    missing.AddRange(miss.Missing);
                }
            }
            throw new OfflineMissException(missing);
        }
    }
}
