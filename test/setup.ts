// Network is off in every test: Slack, Discord and OpenAI are faked at their HTTP APIs with nock.
// Loopback stays open for servers a test starts itself (and PostgreSQL, which nock does not see).
import nock from 'nock';

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
