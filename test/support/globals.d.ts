import type { HoldingApi } from '../../common/ipc/contract';

declare global {
  interface Window {
    holding: HoldingApi;
  }
}
