namespace Prognos.Bench.Data;

/// <summary>Peak resident memory of this process (VmHWM), which includes DuckDB's native allocations unlike the GC's figures.</summary>
internal static class PeakMemory
{
    public static double Mebibytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return Environment.WorkingSet / 1048576.0;
    }
}
