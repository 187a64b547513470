import { HttpErrorResponse } from '@angular/common/http';
import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { AuthApiModule, authApiOnDemand } from './auth-api-loader';

/** Stands in for AuthApi: what matters is which instance the loader hands out. */
class FakeAuthApi {}

describe('authApiOnDemand', () => {
  it('loads once, when first asked, and hands out the one instance', async () => {
    const load = jest.fn(async () => ({ AuthApi: FakeAuthApi }) as unknown as AuthApiModule);
    TestBed.configureTestingModule({ providers: [FakeAuthApi] });
    const api$ = authApiOnDemand(TestBed.inject(EnvironmentInjector), load);
    expect(load).not.toHaveBeenCalled();

    const first = await firstValueFrom(api$);
    const second = await firstValueFrom(api$);

    expect(load).toHaveBeenCalledTimes(1);
    expect(first).toBeInstanceOf(FakeAuthApi);
    expect(second).toBe(first);
  });

  it('answers a failed load as a server out of reach, and loads again at the next call', async () => {
    const load = jest
      .fn<Promise<AuthApiModule>, []>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ AuthApi: FakeAuthApi } as unknown as AuthApiModule);
    TestBed.configureTestingModule({ providers: [FakeAuthApi] });
    const api$ = authApiOnDemand(TestBed.inject(EnvironmentInjector), load);

    const failure = await firstValueFrom(api$).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpErrorResponse);
    expect((failure as HttpErrorResponse).status).toBe(0);

    await expect(firstValueFrom(api$)).resolves.toBeInstanceOf(FakeAuthApi);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
