using Quartz;

namespace CloudMgmt.Reconciliation.Scheduling;

/// <summary>One repeating job of the controller: which job (and its class), under which trigger, how often (null: turned off).</summary>
internal sealed record JobSchedule(JobKey Job, JobType JobType, TriggerKey Trigger, TimeSpan? Interval)
{
    /// <summary>The schedule every trigger of the controller has: from now, every <paramref name="interval"/>, for ever.</summary>
    public static IScheduleBuilder Every(TimeSpan interval) => SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever();

    public ITrigger BuildTrigger(TimeSpan interval) =>
        TriggerBuilder.Create().WithIdentity(Trigger).ForJob(Job).StartNow().WithSchedule(Every(interval)).Build();
}

/// <summary>
/// Declares the controller's repeating jobs so that a node starting never disturbs a schedule the
/// cluster already runs.
/// </summary>
/// <remarks>
/// Every node declares the same triggers at start. Quartz's default replaces a stored trigger with
/// the declared one, and that replacement races the trigger's firing on another node: computed from
/// a fire that is just happening, it is due again at once, so a joining node fired every job a second
/// time within the interval. A stored trigger is therefore left as it is (IgnoreDuplicates), and
/// <see cref="ScheduleIntervalCheck"/> replaces one only when its interval differs from this node's
/// configuration, which is an operator's change and worth the rare extra fire. The same goes for a
/// stored job whose class is not the one this version runs (a job renamed in an upgrade).
/// </remarks>
internal static class Schedules
{
    public static void ScheduleEvery<TJob>(this IQuartzBuilder quartz, IServiceCollection services, JobKey job, TriggerKey trigger, TimeSpan? every)
        where TJob : IJob
    {
        var schedule = new JobSchedule(job, new JobType(typeof(TJob)), trigger, every);
        services.AddSingleton(schedule);
        if (schedule.Interval is not { } interval)
        {
            return; // turned off: ScheduleIntervalCheck removes a trigger an earlier configuration stored
        }

        quartz.ScheduleJob<TJob>(
            t => t.WithIdentity(schedule.Trigger).StartNow().WithSchedule(JobSchedule.Every(interval)),
            j => j.WithIdentity(schedule.Job));
    }

    public static IServiceCollection KeepStoredSchedules(this IServiceCollection services)
    {
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        services.AddHostedService<ScheduleIntervalCheck>(); // after AddQuartzHostedService: the scheduler exists
        return services;
    }
}

/// <summary>
/// At start, brings what the shared store holds in line with this node: a job of another class is
/// replaced, a trigger of another interval replaced, one whose job is turned off removed; each is logged.
/// </summary>
internal sealed partial class ScheduleIntervalCheck(ISchedulerFactory factory, IEnumerable<JobSchedule> schedules, ILogger<ScheduleIntervalCheck> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var schedule in schedules)
        {
            if (await scheduler.GetJobDetail(schedule.Job, cancellationToken) is { } job && job.JobType.FullName != schedule.JobType.FullName)
            {
                await scheduler.AddJob(job.GetJobBuilder().OfType(schedule.JobType).Build(), AddJobOptions.ReplacingAndStoringNonDurable, cancellationToken);
                // A node that tried to run the unknown class meanwhile put the trigger in error; it can run now.
                await scheduler.ResetTriggerFromErrorState(schedule.Trigger, cancellationToken);
                LogJobClassChanged(schedule.Job.ToString(), job.JobType.FullName, schedule.JobType.FullName);
            }

            if (await scheduler.GetTrigger(schedule.Trigger, cancellationToken) is not ISimpleTrigger stored || stored.RepeatInterval == schedule.Interval)
            {
                continue;
            }

            if (schedule.Interval is { } interval)
            {
                await scheduler.RescheduleJob(schedule.Trigger, schedule.BuildTrigger(interval), cancellationToken);
                LogIntervalChanged(schedule.Job.ToString(), stored.RepeatInterval, interval);
            }
            else
            {
                await scheduler.UnscheduleJob(schedule.Trigger, cancellationToken);
                LogTurnedOff(schedule.Job.ToString(), stored.RepeatInterval);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Schedule of {Job} changed from every {Was} to every {Now} (this node's configuration)")]
    private partial void LogIntervalChanged(string job, TimeSpan was, TimeSpan now);

    [LoggerMessage(LogLevel.Information, "Job {Job} now runs {Now} (the store held {Was})")]
    private partial void LogJobClassChanged(string job, string was, string now);

    [LoggerMessage(LogLevel.Information, "Schedule of {Job} (every {Was}) removed: the job is turned off in this node's configuration")]
    private partial void LogTurnedOff(string job, TimeSpan was);
}
