// The version of the service agreement and privacy notice (/legal shows it): the day it was
// written, `.2` for a second that day. Its own module, free of imports, so the browser tests
// (typed for Node) can read it without pulling in the Worker.
export const LEGAL_VERSION = "2026-12-03.2";
