// The tests' registration of their own methods: the one line each that adding a method takes.
import { registerMethod } from "../../../src/flow/methods";
import { fakeMethod } from "./fake-method";
import { fakeParent } from "./fake-parent";

registerMethod(fakeMethod);
registerMethod(fakeParent);
