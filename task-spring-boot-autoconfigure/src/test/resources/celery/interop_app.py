"""A small Celery application that shares queues and results with Celerity (the interop tests start it).

Environment: CELERY_URL (the Redis database both sides use), PY_QUEUE (consumed by this worker) and JAVA_QUEUE
(consumed by Celerity; Java task names are routed there).
"""
import os
import time

from celery import Celery

app = Celery('interop', broker=os.environ['CELERY_URL'], backend=os.environ['CELERY_URL'])
app.conf.update(
    task_serializer='json',
    result_serializer='json',
    accept_content=['json'],
    task_default_queue=os.environ['PY_QUEUE'],
    task_routes={'java.*': {'queue': os.environ['JAVA_QUEUE']}},
    worker_hijack_root_logger=False,
)


@app.task(name='tasks.add')
def add(x, y):
    return x + y


@app.task(name='tasks.mul')
def mul(x, y):
    return x * y


@app.task(name='tasks.fail')
def fail(message):
    raise ValueError(message)


@app.task(name='tasks.total')
def total(values):
    return sum(values)


@app.task(name='tasks.slow')
def slow(seconds):
    time.sleep(seconds)
    return seconds


# Stubs of the tasks Celerity runs: calling them from Python sends by name to the Java queue; a Python worker never
# runs them (they are routed away from its queue).
@app.task(name='java.add')
def java_add(x, y):
    raise NotImplementedError('runs in Java')


@app.task(name='java.flaky')
def java_flaky(label):
    raise NotImplementedError('runs in Java')


@app.task(name='java.record')
def java_record(label):
    raise NotImplementedError('runs in Java')


@app.task(name='java.slow')
def java_slow(label, millis):
    raise NotImplementedError('runs in Java')


@app.task(name='java.fail')
def java_fail(message):
    raise NotImplementedError('runs in Java')


@app.task(name='java.sum')
def java_sum(values):
    raise NotImplementedError('runs in Java')


@app.task(name='java.stamp')
def java_stamp(label):
    raise NotImplementedError('runs in Java')
