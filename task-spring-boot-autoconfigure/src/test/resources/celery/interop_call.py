"""Runs one Python-side scenario against Celerity and prints its outcome as JSON on the last line."""
import json
import sys
from datetime import datetime, timedelta, timezone

from celery import chain, chord, group

from interop_app import add, app, java_add, java_flaky, java_record, java_stamp, java_sum, mul

scenario = sys.argv[1]
out = None
if scenario == 'plain':
    out = java_add.delay(2, 3).get(timeout=30)
elif scenario == 'retry':
    result = java_flaky.delay(sys.argv[2])
    out = {'value': result.get(timeout=30), 'state': result.state}
elif scenario == 'countdown':
    sent = datetime.now(timezone.utc)
    result = java_stamp.apply_async((sys.argv[2],), countdown=2)
    out = {'value': result.get(timeout=30), 'sent': sent.isoformat()}
elif scenario == 'expires':
    result = java_stamp.apply_async((sys.argv[2],), expires=datetime.now(timezone.utc) - timedelta(seconds=5))
    try:
        result.get(timeout=30)
        out = {'state': result.state}
    except Exception as exc:  # the revoked task raises on get
        out = {'state': result.state, 'error': type(exc).__name__}
elif scenario == 'priorities':
    ids = []
    for label, priority in (('low', 9), ('high', 0), ('middle', 4)):
        ids.append(java_record.apply_async((label,), priority=priority).id)
    out = ids
elif scenario == 'chain':
    out = chain(add.s(1, 2), java_add.s(10), mul.s(2)).apply_async().get(timeout=30)
elif scenario == 'chord':
    out = chord([add.s(i, i) for i in range(4)], java_sum.s()).apply_async().get(timeout=30)
elif scenario == 'many':
    from interop_app import java_slow
    out = [java_slow.delay('m%d' % i, int(sys.argv[3])).id for i in range(int(sys.argv[2]))]
elif scenario == 'wait':
    out = [app.AsyncResult(task_id).get(timeout=60) for task_id in json.loads(sys.argv[2])]
elif scenario == 'java-failure':
    from interop_app import java_fail
    try:
        java_fail.delay('broken in java').get(timeout=30)
        out = 'no error'
    except Exception as exc:
        out = {'type': type(exc).__name__, 'message': str(exc)}
elif scenario == 'pickle':
    out = java_record.apply_async(('pickled',), serializer='pickle').id
elif scenario == 'cleanup':
    import os
    import redis
    client = redis.Redis.from_url(os.environ['CELERY_URL'])
    keys = [key for queue in (os.environ['PY_QUEUE'], os.environ['JAVA_QUEUE'])
            for key in client.scan_iter(match='*' + queue + '*')]
    out = client.delete(*keys) if keys else 0
elif scenario == 'send':
    out = app.send_task(sys.argv[2], args=json.loads(sys.argv[3])).id
print(json.dumps(out))
