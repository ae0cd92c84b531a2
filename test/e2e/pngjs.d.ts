// The part of pngjs the browser tests use (the package ships no types).
declare module "pngjs" {
  export const PNG: {
    sync: {
      read(buffer: Buffer): { width: number; height: number; data: Buffer };
      write(png: { width: number; height: number; data: Buffer }): Buffer;
    };
    new (options: { width: number; height: number }): { width: number; height: number; data: Buffer };
  };
}
