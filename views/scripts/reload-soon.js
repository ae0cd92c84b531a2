// A phone page waiting on a check that takes a moment: look again in two seconds.
setTimeout(() => location.reload(), 2000);
