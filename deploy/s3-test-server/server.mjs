// An S3-protocol server for tests: node server.mjs <folder> <bucket>. Listens on a free loopback port,
// prints "s3rver listening on <port>" once ready, and stops when its standard input closes (the test
// process that started it ended or closed it), so no server outlives its tests.
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) {
  console.error('usage: node server.mjs <folder> <bucket>');
  process.exit(2);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});

const { port } = await server.run();
console.log(`s3rver listening on ${port}`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
