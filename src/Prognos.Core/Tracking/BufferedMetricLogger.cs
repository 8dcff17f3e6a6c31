using System.Threading.Channels;
using Prognos.Workspaces;

namespace Prognos.Tracking;

/// <summary>
/// Non-blocking metric logging: points go into a bounded in-memory queue and a background task writes them in
/// batches of up to 1000. <see cref="FlushAsync"/> waits until everything queued so far is stored; dispose flushes.
/// A crash loses at most what is still queued; what is written is written in whole batches (one transaction each).
/// </summary>
public sealed class BufferedMetricLogger : IAsyncDisposable
{
    private const int Capacity = 100_000;

    private readonly IWorkspace _workspace;
    private readonly string _runId;
    private readonly Channel<Entry> _queue;
    private readonly Task _writer;
    private Exception? _failure;

    public BufferedMetricLogger(IWorkspace workspace, string runId)
    {
        _workspace = workspace;
        _runId = runId;
        _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues one point; waits only when the queue is full (back-pressure).</summary>
    public ValueTask LogAsync(Metric metric, CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        return _queue.Writer.TryWrite(new Entry(metric, null)) ? ValueTask.CompletedTask : _queue.Writer.WriteAsync(new Entry(metric, null), cancellationToken);
    }

    /// <summary>Waits until every point queued before this call is stored; rethrows a background write failure.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Entry(default, done), cancellationToken).ConfigureAwait(false);
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfFailed();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        ThrowIfFailed();
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new InvalidOperationException($"Logging metrics to run '{_runId}' failed: {failure.Message}", failure);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Metric>(TrackingLimits.MaxMetricsPerBatch);
        var waiting = new List<TaskCompletionSource>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var entry))
            {
                if (entry.Flushed is { } flushed)
                {
                    waiting.Add(flushed);
                    break;
                }

                batch.Add(entry.Metric);
                if (batch.Count == TrackingLimits.MaxMetricsPerBatch)
                {
                    await WriteAsync(batch).ConfigureAwait(false);
                }
            }

            await WriteAsync(batch).ConfigureAwait(false);
            foreach (var flushed in waiting)
            {
                flushed.TrySetResult();
            }

            waiting.Clear();
        }
    }

    private async Task WriteAsync(List<Metric> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            if (_failure is null)
            {
                await _workspace.LogBatchAsync(_runId, new LogBatch(Metrics: batch.ToArray())).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _failure = ex;
        }

        batch.Clear();
    }

    private readonly record struct Entry(Metric Metric, TaskCompletionSource? Flushed);
}
