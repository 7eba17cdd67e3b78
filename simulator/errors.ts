// AODocs' error answers: always {"error":{"errors":[{domain,reason,message}],code,message}} in JSON.

export interface AodocsErrorBody {
  error: {
    errors: { domain: string; reason: string; message: string }[];
    code: number;
    message: string;
  };
}

/** An error the simulator answers with; thrown by auth, routing and the operations. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): AodocsErrorBody {
    return errorBody(this.status, this.reason, this.message);
  }
}

export function errorBody(status: number, reason: string, message: string): AodocsErrorBody {
  return { error: { errors: [{ domain: 'global', reason, message }], code: status, message } };
}

export const unauthenticated = (): ApiError => new ApiError(401, 'required', 'You must use oauth 2 to authenticate');

export const invalidSecurityCode = (): ApiError => new ApiError(403, 'forbidden', 'Invalid security code.');

export const accessDenied = (libraryId: string, level: string): ApiError =>
  new ApiError(
    403,
    'forbidden',
    `Access denied to library with id: '${libraryId}' Required permission level: '${level}'`,
  );

export const jobNotFound = (jobId: string): ApiError =>
  new ApiError(404, 'notFound', `No entity was found matching the key: !altirnao.com:Job("${jobId}")`);

export const libraryNotFound = (libraryId: string): ApiError =>
  new ApiError(404, 'notFound', `Library with id '${libraryId}' does not exist`);

export const unknownPath = (): ApiError => new ApiError(404, 'notFound', 'Not Found');

export const badRequest = (message: string): ApiError => new ApiError(400, 'badRequest', message);

export const finishedJobNotCancellable = (): ApiError =>
  new ApiError(412, 'conditionNotMet', 'The current status of the job does not allow this operation');
