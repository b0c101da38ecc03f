// Four test classes at once, not one per core (xunit's default, two here). An E2E test spends most of its time waiting:
// on a minute tick, a lease running out, a portal starting, a page answering over its circuit. Two at a time left the
// cores idle behind those waits; the tests themselves leave room for a loaded machine (ChromiumBrowser's timeouts).
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
