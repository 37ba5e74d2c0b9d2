// HAProxy's runtime API (the admin `stats socket` of scripts/haproxy-config.mjs): one command per
// connection, as `socat stdio unix-connect:<socket>` would send it.
import { connect } from 'node:net'

/** Sends one command and resolves with HAProxy's whole answer. */
export function haproxyCommand(socket, command) {
  return new Promise((resolve, reject) => {
    const conn = connect(socket)
    let out = ''
    conn.setEncoding('utf8')
    conn.on('data', (chunk) => (out += chunk))
    conn.on('end', () => resolve(out))
    conn.on('error', reject)
    conn.end(`${command}\n`)
  })
}

/** Every server of every backend: name, status (UP, DOWN, MAINT, DRAIN…), current sessions, address. */
export async function serverStates(socket) {
  const [header, ...rows] = (await haproxyCommand(socket, 'show stat')).trim().split('\n')
  const names = header.replace(/^# /, '').split(',')
  const col = (row, name) => row.split(',')[names.indexOf(name)] ?? ''
  return rows
    .filter((row) => !/^[^,]*,(FRONTEND|BACKEND),/.test(row))
    .map((row) => ({
      backend: col(row, 'pxname'),
      server: col(row, 'svname'),
      status: col(row, 'status'),
      sessions: Number(col(row, 'scur')),
      total: Number(col(row, 'stot')),
      addr: col(row, 'addr'),
    }))
}

/** Adds a server to a running backend with the same health check as the configured ones. */
export async function addServer(socket, backend, server, address) {
  const steps = [
    `add server ${backend}/${server} ${address} check inter 1s fastinter 500ms fall 2 rise 2`,
    `enable health ${backend}/${server}`,
    `enable server ${backend}/${server}`,
  ]
  for (const step of steps) {
    const answer = (await haproxyCommand(socket, step)).trim()
    if (answer && !/registered|^$/i.test(answer)) throw new Error(`haproxy: ${step}: ${answer}`)
  }
}
